//! The rule engine: every code's metadata and explain text, and the check
//! kinds (one per file) that the plan's rule entries select and parameterise.

pub mod registry;

pub mod change;
pub mod completion;
pub mod coverage;
pub mod cumulative;
pub mod date_order;
pub mod field_dropped;
pub mod history_integrity;
pub mod no_regression;
pub mod overrun;
pub mod parse;
pub mod progress;
pub mod range;
pub mod reference;
pub mod requirement;
pub mod same_measure;
pub mod status_transition;
pub mod suppression;
pub mod target_bound;
pub mod trajectory;
pub mod unit_slip;

use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Msg, Note, Prev};
use crate::engine::history::History;
use crate::load::decisions::Register;
use crate::model::plan::{CatalogPositions, Indicator, Plan, Project, Rule};
use crate::model::report::{IndicatorEntry, ProjectEntry, Report};
use jiff::civil::Date;

pub use crate::model::code::{Code, Subject};

/// Everything plan-lint knows about a code: its metadata, its explain text
/// and, for plan-dependent codes, the check kind rule entries run.
#[derive(Debug)]
pub struct CodeInfo {
    /// The code; what the contract says of it (name, severity, subject, …) is
    /// [`Code::meta`].
    pub code: Code,
    /// When it fires, in one line.
    pub summary: &'static str,
    pub why: &'static str,
    /// A report fragment that fails.
    pub example: &'static str,
    pub fix: &'static str,
    /// The same texts in Chinese, beside the English so that a code cannot
    /// be added without them: a `CodeInfo` without `zh` does not compile,
    /// and `registry`'s tests require every field of it to be Chinese.
    pub zh: ChineseTexts,
    pub check: Option<CheckFn>,
}

/// A code's explain texts in Chinese as its rule writes them: its severity
/// is the contract's ([`Code::severity_zh`]), not written again here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChineseTexts {
    pub summary: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

/// A code's explain texts in one language: its severity as the contract
/// states it, when it fires, why, a report fragment that fails (the same
/// YAML in every language; only its comments are translated) and the fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeTexts {
    pub severity: &'static str,
    pub summary: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

impl CodeInfo {
    /// The explain texts in `lang`.
    pub fn text(&self, lang: crate::diagnostics::messages::Lang) -> CodeTexts {
        match lang {
            crate::diagnostics::messages::Lang::En => CodeTexts {
                severity: self.code.severity(),
                summary: self.summary,
                why: self.why,
                example: self.example,
                fix: self.fix,
            },
            crate::diagnostics::messages::Lang::Zh => CodeTexts {
                severity: self.code.severity_zh(),
                summary: self.zh.summary,
                why: self.zh.why,
                example: self.zh.example,
                fix: self.zh.fix,
            },
        }
    }
}

pub type CheckFn = fn(&RuleCtx<'_>, &mut Vec<Diagnostic>);

/// What a check kind sees when one rule entry runs on one report.
pub struct RuleCtx<'a> {
    pub plan: &'a Plan,
    pub rule: &'a Rule,
    /// The rule's position in the plan's rules.
    pub rule_index: usize,
    /// The rule's code as the registry holds it.
    pub info: &'static CodeInfo,
    pub report: &'a Report,
    /// The catalog positions of the report's entries.
    pub catalog: &'a CatalogPositions,
    pub history: &'a History<'a>,
    /// The plan office's decisions register in force.
    pub register: &'a Register,
    /// The day the check treats as today (`--today`).
    pub today: Date,
    /// The verdicts of the report's indicator entries, each judged once
    /// (PL202, PL203 and PL205 are views of them).
    pub verdicts: &'a crate::engine::judge::Verdicts<'a>,
}

/// What every rule of a run sees besides the report: the register in force
/// and the day of the check.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub register: &'a Register,
    pub today: Date,
}

impl<'a> RuleCtx<'a> {
    /// The verdict of an entry of the report for its indicator, as of the
    /// report's period ([`crate::model::plan::verdict::judge`]).
    pub fn verdict(
        &self,
        e: &IndicatorEntry,
        ind: &Indicator,
    ) -> Option<&'a crate::model::plan::verdict::Verdict> {
        self.verdicts
            .of(self.plan, self.history, self.report, e, ind)
    }
    /// The report's indicator entries this rule entry applies to, with their catalog entries.
    /// An indicator selected by an earlier entry of the same code is left to that entry.
    pub fn indicators(&self) -> impl Iterator<Item = (&'a IndicatorEntry, &'a Indicator)> + '_ {
        let plan = self.plan;
        (self.report.indicators.iter())
            .zip(self.catalog.indicators())
            .filter_map(move |(e, position)| {
                let i = position?;
                self.owns_indicator(i).then(|| (e, &plan.indicators[i]))
            })
    }
    /// Whether the report has an entry for the indicator at a catalog position.
    pub fn reports_indicator(&self, position: usize) -> bool {
        self.catalog.indicators().any(|p| p == Some(position))
    }
    /// Whether the report has an entry for the project at a catalog position.
    pub fn reports_project(&self, position: usize) -> bool {
        self.catalog.projects().any(|p| p == Some(position))
    }
    /// Whether this rule entry applies to the indicator at a catalog
    /// position: it selects it and no earlier entry of the same code does.
    pub fn owns_indicator(&self, position: usize) -> bool {
        self.plan.rule_owns_indicator(self.rule_index, position)
    }
    pub fn projects(&self) -> impl Iterator<Item = (&'a ProjectEntry, &'a Project)> + '_ {
        let plan = self.plan;
        (self.report.projects.iter())
            .zip(self.catalog.projects())
            .filter_map(move |(e, position)| {
                let p = position?;
                self.owns_project(p).then(|| (e, &plan.projects[p]))
            })
    }
    /// Whether this rule entry applies to the project at a catalog position.
    pub fn owns_project(&self, position: usize) -> bool {
        self.plan.rule_owns_project(self.rule_index, position)
    }
    pub fn severity(&self) -> Severity {
        self.rule.entry.severity
    }
    /// A finding of this rule entry at a span of the report.
    pub fn finding(&self, span: crate::syntax::yaml::Span, msg: impl Into<Msg>) -> Diagnostic {
        let code = self.info.code;
        Diagnostic::new(
            code,
            self.severity(),
            Location::at(&self.report.source, span),
            msg,
        )
    }
    pub fn period(&self) -> Option<i32> {
        self.report.period()
    }
    /// The office that approves the plan's exceptions (the first approver),
    /// as messages name it.
    pub fn approver(&self) -> String {
        self.plan
            .header
            .approvers
            .first()
            .cloned()
            .unwrap_or_default()
    }
    /// A finding of this rule entry on an indicator entry's figure.
    pub fn on_value(
        &self,
        e: &IndicatorEntry,
        ind: &Indicator,
        span: crate::syntax::yaml::Span,
        msg: impl Into<Msg>,
    ) -> Diagnostic {
        self.finding(span, msg)
            .target(&ind.id)
            .node_path(format!("{}/value", e.pointer()))
    }
}

/// Runs the rule entries of the report's plan whose code `which` keeps on
/// the report, whose entries' catalog positions are `catalog`
/// ([`Plan::positions_of`]).
pub fn run_plan_rules_of(
    plan: &Plan,
    report: &Report,
    catalog: &CatalogPositions,
    history: &History,
    context: Context<'_>,
    which: impl Fn(Code) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let verdicts = crate::engine::judge::Verdicts::new(report, catalog, context);
    for (rule_index, (rule, info)) in plan.rules.iter().zip(plan.rule_codes()).enumerate() {
        let info = info.filter(|c| which(*c)).map(registry::info_of);
        let Some((info, check)) = info.and_then(|i| Some((i, i.check?))) else {
            continue;
        };
        let ctx = RuleCtx {
            plan,
            rule,
            rule_index,
            info,
            report,
            catalog,
            history,
            register: context.register,
            today: context.today,
            verdicts: &verdicts,
        };
        check(&ctx, out);
    }
}

/// The value a figure is compared with: from the most recent earlier report
/// or, for a level baseline, from the plan.
pub struct Previous<'a> {
    pub value: f64,
    pub year: i32,
    at: PreviousAt<'a>,
    pub from_plan: bool,
}

/// Where a previous value is written. The plan's baseline is located only
/// when a finding shows it: finding a node in a plan file is not free, and
/// most comparisons find nothing.
enum PreviousAt<'a> {
    Report(crate::engine::history::Fact<'a, f64>),
    Baseline(&'a Plan, &'a str),
    Nowhere,
}

impl Previous<'_> {
    /// The value, year and origin, as messages show them.
    pub fn shown(&self) -> Prev {
        Prev {
            value: self.value,
            year: self.year,
            from_plan: self.from_plan,
        }
    }
    /// The place the previous value is written, if it is written anywhere.
    pub fn location(&self) -> Option<Location> {
        match &self.at {
            PreviousAt::Report(f) => Some(f.location()),
            PreviousAt::Baseline(plan, id) => plan.indicator_location(id, Some("baseline")),
            PreviousAt::Nowhere => None,
        }
    }
    /// Adds the labelled place of the previous value to a diagnostic.
    pub fn relate(&self, d: Diagnostic, label: Note) -> Diagnostic {
        match self.location() {
            Some(l) => d.related(l, label),
            None => d,
        }
    }
}

impl<'a> RuleCtx<'a> {
    /// The previous value as report-format.md defines it: the most recent earlier
    /// period that has one; else the plan baseline only where it is a level at the
    /// baseline year; cumulative indicators start from 0.
    pub fn previous(&self, ind: &'a Indicator) -> Option<Previous<'a>> {
        let period = self.period()?;
        if let Some(f) = self.history.previous_value(self.plan, ind, period) {
            return Some(Previous {
                value: f.value,
                year: f.period,
                at: PreviousAt::Report(f),
                from_plan: false,
            });
        }
        match (ind.kind, ind.baseline_kind, ind.baseline) {
            (crate::model::plan::IndicatorKind::Cumulative, _, _) => Some(Previous {
                value: 0.0,
                year: self.plan.header.period.baseline_year,
                at: PreviousAt::Nowhere,
                from_plan: true,
            }),
            (_, crate::model::plan::BaselineKind::Level, Some(b)) => Some(Previous {
                value: b,
                year: self.plan.header.period.baseline_year,
                at: PreviousAt::Baseline(self.plan, &ind.id),
                from_plan: true,
            }),
            _ => None,
        }
    }
}

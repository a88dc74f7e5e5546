//! The frame around each code's explain texts: the headings of `plan-lint
//! explain`, `plan-lint rules` and docs/rules.md, and how a plan's rule
//! entry reads (its severity, what it selects, its parameters). The texts of
//! each code themselves live beside its check (`CodeInfo` and its `zh`,
//! read as [`crate::engine::rules::CodeTexts`]).

use crate::diagnostics::diagnostic::Severity;
use crate::diagnostics::messages::{list, num, status_zh, Lang};
use crate::engine::rules::CodeInfo;
use crate::model::plan::{Attribute, IndicatorKind, Params, Selector, TargetIs};
use Lang::{En, Zh};

/// A column of `plan-lint rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Code,
    Name,
    Severity,
    Suppressible,
    Selector,
    Plan,
}

/// A text of the frame (headings, labels, how a rule entry reads), in
/// either language; what each code says is its [`CodeInfo`]'s.
#[derive(Clone, Debug)]
pub enum Frame {
    // `plan-lint explain CODE`.
    /// The first line: the code, its name and the contract's severity.
    Title(&'static CodeInfo),
    WhatItChecks,
    Why,
    Example,
    HowToFix,
    /// The heading of the rule entries of one loaded plan.
    WherePlanApplies {
        plan: String,
    },
    /// A loaded plan without a rule entry for the code.
    NowhereInPlan {
        code: &'static str,
    },
    /// A code plan-lint applies itself (no rule entries).
    FixedEverywhere,
    // A plan's rule entry, in `explain` and docs/rules.md.
    /// Its severity, what it selects, whether it may be suppressed and the
    /// passage of the plan that demands it.
    Applied {
        severity: Severity,
        selector: Selector,
        suppressible: bool,
        passage: String,
        line: usize,
    },
    /// Its parameters (only when it has any), after `Applied`.
    Params(Params),
    // `plan-lint rules`.
    Column(Column),
    Severity(Severity),
    /// Whether a rule may be suppressed.
    Suppressible(bool),
    /// What a rule entry selects.
    Selector(Selector),
    /// The selector column of a code plan-lint applies itself.
    FixedSelector,
    /// The plan column of a code plan-lint applies itself.
    AllPlans,
    // SARIF's rule descriptions.
    /// A rule's `help.text`: when it fires, the failing example, the fix.
    RuleHelpText(&'static CodeInfo),
    /// A rule's `help.markdown`.
    RuleHelpMarkdown(&'static CodeInfo),
    // docs/rules.md (docs/rules.zh-CN.md).
    DocTitle,
    /// The comment that says the file is generated.
    DocGenerated,
    DocTableHead,
    DocFiresWhen,
    DocWhy,
    DocExample,
    DocFix,
    DocWhereBuiltin,
    DocNowhere,
    DocFixed,
}

fn kind_zh(k: IndicatorKind) -> &'static str {
    match k {
        IndicatorKind::Level => "水平类",
        IndicatorKind::AnnualRate => "年均增长类",
        IndicatorKind::Cumulative => "累计类",
        IndicatorKind::Qualitative => "相对目标类",
    }
}

/// What a selector selects, in Chinese: `约束性、水平类指标`.
fn selector_zh(s: &Selector) -> String {
    let mut parts = Vec::new();
    if let Some(a) = s.attribute {
        parts.push(
            match a {
                Attribute::Binding => "约束性",
                Attribute::Expected => "预期性",
            }
            .to_string(),
        );
    }
    if let Some(k) = s.kind {
        parts.push(kind_zh(k).to_string());
    }
    if let Some(c) = &s.category {
        parts.push(format!("“{c}”类"));
    }
    if let Some(t) = s.target_is {
        parts.push(
            match t {
                TargetIs::Bound => "目标每年须守住的",
                TargetIs::Path => "目标到目标年须达到的",
            }
            .to_string(),
        );
    }
    let mut out = match &s.columns {
        Some(c) => format!("{}的项目", list(Zh, c)),
        None if parts.is_empty() => String::new(),
        None => format!("{}指标", parts.join("、")),
    };
    if let Some(ids) = &s.ids {
        out = match out.is_empty() {
            true => list(Zh, ids),
            false => format!("{}中的{out}", list(Zh, ids)),
        };
    }
    if out.is_empty() {
        "全部".into()
    } else {
        out
    }
}

/// A rule entry's parameters, in Chinese: `容差 0`.
fn params_zh(p: &Params) -> String {
    let mut parts = Vec::new();
    if let Some(t) = p.tolerance {
        parts.push(format!("容差 {}", num(t)));
    }
    if let Some(m) = p.margin {
        parts.push(format!("允许落后于进度 {}（路径的比例）", num(m)));
    }
    if let Some(b) = p.band {
        parts.push(format!("“左右”上下浮动目标值的 {}%", num(b)));
    }
    if let Some(g) = p.greater_than {
        parts.push(format!("须大于 {}", num(g)));
    }
    if let Some(a) = p.at_most {
        parts.push(format!("不超过 {}", num(a)));
    }
    if let Some(y) = p.max_years_before_start {
        parts.push(format!("日期不早于规划期第一年之前 {y} 年"));
    }
    if let Some(t) = &p.transitions {
        let moves: Vec<String> = t
            .iter()
            .map(|(from, to)| match to.is_empty() {
                true => format!("{}之后不再变化", status_zh(*from)),
                false => {
                    let to: Vec<String> = to.iter().map(|s| status_zh(*s).to_string()).collect();
                    format!("{} → {}", status_zh(*from), list(Zh, &to))
                }
            })
            .collect();
        parts.push(format!("允许的状态变化：{}", moves.join("；")));
    }
    parts.join("，")
}

impl Frame {
    pub fn text(&self, lang: Lang) -> String {
        use Frame as X;
        match (self, lang) {
            (X::Title(info), En) => format!("{} {} ({})", info.code, info.code.name(), info.code.severity()),
            (X::Title(info), Zh) => format!("{} {}（{}）", info.code, info.code.name(), info.code.severity_zh()),
            (X::WhatItChecks, En) => "What it checks:".into(),
            (X::WhatItChecks, Zh) => "检查什么：".into(),
            (X::Why, En) => "Why:".into(),
            (X::Why, Zh) => "为什么：".into(),
            (X::Example, En) => "Example that fails:".into(),
            (X::Example, Zh) => "不通过的示例：".into(),
            (X::HowToFix, En) => "How to fix it:".into(),
            (X::HowToFix, Zh) => "怎么改：".into(),
            (X::WherePlanApplies { plan }, En) => format!("Where plan {plan} applies it:"),
            (X::WherePlanApplies { plan }, Zh) => format!("规划 {plan} 在哪里适用："),
            (X::NowhereInPlan { code }, En) => {
                format!("nowhere (the plan has no rule entry for {code})")
            }
            (X::NowhereInPlan { code }, Zh) => format!("不适用（该规划没有 {code} 的规则条目）"),
            (X::FixedEverywhere, En) => {
                "Fixed in plan-lint: applies to every report of every plan.".into()
            }
            (X::FixedEverywhere, Zh) => "由 plan-lint 固定：适用于每个规划的每份报告。".into(),
            (
                X::Applied {
                    severity,
                    selector,
                    suppressible,
                    passage,
                    line,
                },
                lang,
            ) => match lang {
                En => format!(
                    "{} on {}, {}; demanded by {passage} (seed line {line})",
                    severity.as_str(),
                    selector.describe(),
                    if *suppressible {
                        "suppressible"
                    } else {
                        "not suppressible"
                    },
                ),
                Zh => format!(
                    "{}，适用范围：{}，{}；依据：{passage}（规划纲要第{line}行）",
                    X::Severity(*severity).text(Zh),
                    selector_zh(selector),
                    X::Suppressible(*suppressible).text(Zh),
                ),
            },
            (X::Params(p), En) => format!(
                "; params {}",
                serde_json::to_value(p).unwrap_or_default()
            ),
            (X::Params(p), Zh) => format!("；参数：{}", params_zh(p)),
            (X::Column(c), En) => match c {
                Column::Code => "code",
                Column::Name => "name",
                Column::Severity => "severity",
                Column::Suppressible => "suppressible",
                Column::Selector => "selector",
                Column::Plan => "plan",
            }
            .into(),
            (X::Column(c), Zh) => match c {
                Column::Code => "代码",
                Column::Name => "名称",
                Column::Severity => "级别",
                Column::Suppressible => "可否豁免",
                Column::Selector => "适用范围",
                Column::Plan => "规划",
            }
            .into(),
            (X::Severity(s), En) => s.as_str().into(),
            (X::Severity(Severity::Error), Zh) => "错误".into(),
            (X::Severity(Severity::Warning), Zh) => "警告".into(),
            (X::Suppressible(s), En) => if *s { "yes" } else { "no" }.into(),
            (X::Suppressible(s), Zh) => if *s { "可豁免" } else { "不可豁免" }.into(),
            (X::Selector(s), En) => s.describe(),
            (X::Selector(s), Zh) => selector_zh(s),
            (X::FixedSelector, En) => "fixed in plan-lint".into(),
            (X::FixedSelector, Zh) => "由 plan-lint 固定".into(),
            (X::AllPlans, En) => "all".into(),
            (X::AllPlans, Zh) => "全部".into(),
            (X::RuleHelpText(c), En) => format!(
                "{}\n\nExample that fails:\n{}\nFix: {}",
                c.summary, c.example, c.fix
            ),
            (X::RuleHelpText(c), Zh) => format!(
                "{}\n\n不通过的示例：\n{}\n怎么改：{}",
                c.zh.summary, c.zh.example, c.zh.fix
            ),
            (X::RuleHelpMarkdown(c), En) => format!(
                "**{}** — {}\n\n```yaml\n{}```\n\n**Fix.** {}",
                c.code.name(), c.summary, c.example, c.fix
            ),
            (X::RuleHelpMarkdown(c), Zh) => format!(
                "**{}** — {}\n\n```yaml\n{}```\n\n**怎么改**：{}",
                c.code.name(), c.zh.summary, c.zh.example, c.zh.fix
            ),
            (X::DocTitle, En) => "# Rules".into(),
            (X::DocTitle, Zh) => "# 规则".into(),
            (X::DocGenerated, En) => "<!-- Generated by `cargo test --test it docs::` from the explain texts in src/engine/rules/ and the built-in plan's rules/; do not edit by hand. Regenerate with `UPDATE_DOCS=1 cargo test --test it docs::`. -->".into(),
            (X::DocGenerated, Zh) => "<!-- 由 `cargo test --test it docs::` 根据 src/engine/rules/ 中各规则的中文说明和内置规划的 rules/ 生成，请勿手工编辑；重新生成：`UPDATE_DOCS=1 cargo test --test it docs::`。英文版见 rules.md。 -->".into(),
            (X::DocTableHead, En) => "| code | name | severity | fires when |\n|---|---|---|---|".into(),
            (X::DocTableHead, Zh) => "| 代码 | 名称 | 级别 | 何时报告 |\n|---|---|---|---|".into(),
            (X::DocFiresWhen, En) => "**Fires when**".into(),
            (X::DocFiresWhen, Zh) => "**何时报告**：".into(),
            (X::DocWhy, En) => "**Why.**".into(),
            (X::DocWhy, Zh) => "**为什么**：".into(),
            (X::DocExample, En) => "**Failing example**".into(),
            (X::DocExample, Zh) => "**不通过的示例**".into(),
            (X::DocFix, En) => "**Fix.**".into(),
            (X::DocFix, Zh) => "**怎么改**：".into(),
            (X::DocWhereBuiltin, En) => "**Where the built-in plan applies it**".into(),
            (X::DocWhereBuiltin, Zh) => "**内置规划在哪里适用**".into(),
            (X::DocNowhere, En) => "Nowhere.".into(),
            (X::DocNowhere, Zh) => "不适用。".into(),
            (X::DocFixed, En) => "Fixed in plan-lint; applies to every report.".into(),
            (X::DocFixed, Zh) => "由 plan-lint 固定，适用于每份报告。".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::messages::tests::{has_cjk, s, sampled, variants};
    use crate::model::plan::ProjectStatus;

    /// Every entry of the explain frame, with the values it takes.
    fn explain_samples() -> Vec<Frame> {
        use crate::diagnostics::diagnostic::Severity;
        use crate::model::plan::{Attribute, IndicatorKind, Params, Selector, TargetIs};
        use Frame as X;
        let selector = Selector {
            attribute: Some(Attribute::Binding),
            kind: Some(IndicatorKind::Level),
            target_is: Some(TargetIs::Bound),
            ..Selector::default()
        };
        let mut transitions = std::collections::BTreeMap::new();
        transitions.insert(
            ProjectStatus::Planned,
            vec![ProjectStatus::UnderConstruction],
        );
        transitions.insert(ProjectStatus::Completed, vec![]);
        let params = Params {
            tolerance: Some(0.0),
            margin: Some(0.1),
            band: Some(5.0),
            greater_than: Some(-100.0),
            at_most: Some(100.0),
            max_years_before_start: Some(5),
            transitions: Some(transitions),
        };
        let mut all = vec![
            X::Title(&crate::engine::rules::no_regression::PL201),
            X::WhatItChecks,
            X::Why,
            X::Example,
            X::HowToFix,
            X::WherePlanApplies {
                plan: s("nanming-14th-fyp"),
            },
            X::NowhereInPlan { code: "PL201" },
            X::FixedEverywhere,
            X::Applied {
                severity: Severity::Warning,
                selector: selector.clone(),
                suppressible: true,
                passage: s("专栏2-1 序号15"),
                line: 90,
            },
            X::Params(params),
            X::Selector(selector),
            X::Selector(Selector {
                ids: Some(vec![s("I01"), s("I02")]),
                category: Some(s("经济发展")),
                ..Selector::default()
            }),
            X::Selector(Selector {
                columns: Some(vec![s("专栏5-2")]),
                ..Selector::default()
            }),
            X::Selector(Selector::default()),
            X::FixedSelector,
            X::AllPlans,
            X::RuleHelpText(&crate::engine::rules::no_regression::PL201),
            X::RuleHelpMarkdown(&crate::engine::rules::no_regression::PL201),
            X::DocTitle,
            X::DocGenerated,
            X::DocTableHead,
            X::DocFiresWhen,
            X::DocWhy,
            X::DocExample,
            X::DocFix,
            X::DocWhereBuiltin,
            X::DocNowhere,
            X::DocFixed,
        ];
        for severity in [Severity::Error, Severity::Warning] {
            all.push(X::Severity(severity));
        }
        for suppressible in [true, false] {
            all.push(X::Suppressible(suppressible));
        }
        for column in [
            Column::Code,
            Column::Name,
            Column::Severity,
            Column::Suppressible,
            Column::Selector,
            Column::Plan,
        ] {
            all.push(X::Column(column));
        }
        all
    }

    /// Every entry has a sample, and each sample a text in both languages,
    /// the Chinese one Chinese.
    #[test]
    fn every_frame_text_is_sampled_in_both_languages() {
        let source = std::fs::read_to_string("src/output/explain/frame.rs").unwrap();
        let declared = variants(&source, "Frame");
        assert!(declared.len() > 1);
        let samples = explain_samples();
        let missing: Vec<_> = declared.difference(&sampled(&samples)).cloned().collect();
        assert!(
            missing.is_empty(),
            "Frame entries without a sample: {missing:?}"
        );
        for t in samples {
            let (en, zh) = (t.text(Lang::En), t.text(Lang::Zh));
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{t:?}");
            assert!(has_cjk(&zh), "not Chinese: {t:?}: {zh}");
            assert_ne!(en, zh, "{t:?}");
        }
    }
}

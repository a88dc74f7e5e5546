//! Every code plan-lint emits, in code order. The codes are the contract:
//! a code never changes meaning once released.

use super::*;

/// PL004 and PL005 describe plan-lint's own inputs (plan, rule and config files).
pub const PL004: CodeInfo = CodeInfo {
    code: "PL004",
    name: "bad-plan",
    severity: "error",
    subject: Subject::File,
    plan_rule: false,
    required_params: &[],
    summary: "a plan's catalog or rule file, or a file of the plan office's decisions register, does not load or is inconsistent: a duplicate id, an unknown department, a rule entry with an unknown code, a selector that selects nothing, a missing parameter or file; in the register, an unknown plan, department, rule or target, an approver who is not the plan's, a non-suppressible rule, a suppression of a figure without the figure",
    why: "the rules must be the plan, and an exception must be the plan office's: a rule that silently selects nothing would pass every report, and a decision nobody may take must not relax a verdict",
    example: "rules:\n  - code: PL201\n    select: {ids: [I99]}\n    severity: error\n    suppressible: true\n    passage: {line: 92, passage: 专栏2-1}\n",
    fix: "correct the file at the place shown; `plan-lint schema plan`, `plan-lint schema rules` and `plan-lint schema decisions` describe the files",
    zh: Explain {
        severity: "错误",
        summary: "规划的指标目录或规则文件，或规划主管部门决定登记簿中的某个文件，无法加载或前后矛盾：编号重复、部门不存在、规则条目的代码不存在、选择条件选不中任何指标或项目、缺少参数或文件；在决定登记簿中：规划、部门、规则或目标不存在，批准单位不是该规划的审批单位，规则不可豁免，豁免某个数值却没写该数值。",
        why: "规则必须就是规划本身，例外必须出自规划主管部门：选不中任何指标的规则会让每份报告都通过，谁都无权作出的决定也不能放宽检查结论。",
        example: "rules:\n  - code: PL201\n    select: {ids: [I99]}   # 指标目录中没有 I99\n    severity: error\n    suppressible: true\n    passage: {line: 92, passage: 专栏2-1}\n",
        fix: "在指出的位置改正文件；`plan-lint schema plan`、`plan-lint schema rules` 和 `plan-lint schema decisions` 说明了这些文件的格式。",
    },
    check: None,
};
pub const PL005: CodeInfo = CodeInfo {
    code: "PL005",
    name: "bad-config",
    severity: "error",
    subject: Subject::File,
    plan_rule: false,
    required_params: &[],
    summary: "plan-lint.toml is not valid: a TOML syntax error, an unknown key, a wrong value, a severity override of a rule that may not be changed",
    why: "a typo in the configuration must not silently change what is checked",
    example: "data-root = \"progress\"   # the key is data_root\n",
    fix: "correct the key or value at the place shown; `plan-lint schema config` describes the file",
    zh: Explain {
        severity: "错误",
        summary: "`plan-lint.toml` 无效：TOML 语法错误、未知的设置项、取值不对，或修改了不允许修改的规则级别。",
        why: "配置文件里的笔误不能悄悄改变检查的内容。",
        example: "data-root = \"progress\"   # 应写作 data_root\n",
        fix: "在指出的位置改正设置项或取值；`plan-lint schema config` 说明了该文件的格式。",
    },
    check: None,
};

/// Every code, in code order.
pub static CODES: &[&CodeInfo] = &[
    &parse::PL001,
    &parse::PL002,
    &reference::PL003,
    &PL004,
    &PL005,
    &reference::PL101,
    &reference::PL102,
    &reference::PL103,
    &reference::PL104,
    &reference::PL105,
    &reference::PL106,
    &reference::PL107,
    &reference::PL108,
    &reference::PL109,
    &reference::PL110,
    &no_regression::PL201,
    &target_bound::PL202,
    &trajectory::PL203,
    &requirement::PL204,
    &requirement::PL205,
    &cumulative::PL206,
    &range::PL207,
    &coverage::PL208,
    &coverage::PL209,
    &requirement::PL210,
    &status_transition::PL301,
    &progress::PL302,
    &completion::PL303,
    &date_order::PL304,
    &overrun::PL305,
    &coverage::PL306,
    &history_integrity::PL401,
    &history_integrity::PL402,
    &history_integrity::PL403,
    &suppression::PL501,
    &suppression::PL502,
    &suppression::PL503,
];

pub fn info(code: &str) -> Option<&'static CodeInfo> {
    CODES.iter().copied().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::CODES;
    use crate::messages::Lang;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// The text without its code spans (`plan-lint plan`, `value: 98`):
    /// what a clerk writes stays as written, in any language.
    fn prose(s: &str) -> String {
        s.split('`').step_by(2).collect::<Vec<_>>().join(" ")
    }

    /// Two ASCII words in a row outside code spans: English prose.
    fn english_phrase(s: &str) -> Option<String> {
        let word = |w: &&str| w.chars().any(|c| c.is_ascii_alphabetic());
        s.split(|c: char| !c.is_ascii())
            .find(|run| run.split_whitespace().filter(word).count() > 1)
            .map(|run| run.trim().to_string())
    }

    /// Why a Chinese text is not Chinese enough for a clerk, if it is not.
    fn not_chinese(s: &str) -> Option<String> {
        if !has_cjk(s) {
            return Some("no Chinese".into());
        }
        let p = prose(s);
        if let Some(c) = p.chars().find(|c| ",;:?!()".contains(*c)) {
            return Some(format!("half-width {c:?} outside code"));
        }
        if let Some(phrase) = english_phrase(&p) {
            return Some(format!("English {phrase:?}"));
        }
        p.split(['。', '；', '！', '？', '\n'])
            .map(str::trim)
            .find(|sentence| {
                sentence.chars().any(|c| c.is_ascii_alphabetic()) && !has_cjk(sentence)
            })
            .map(|sentence| format!("sentence without Chinese: {sentence:?}"))
    }

    #[test]
    fn every_code_has_its_chinese_and_it_is_chinese() {
        for info in CODES {
            let (en, zh) = (info.text(Lang::En), info.text(Lang::Zh));
            for (field, en, zh) in [
                ("severity", en.severity, zh.severity),
                ("summary", en.summary, zh.summary),
                ("why", en.why, zh.why),
                ("fix", en.fix, zh.fix),
            ] {
                assert_ne!(en, zh, "{} {field}: not translated", info.code);
                if let Some(problem) = not_chinese(zh) {
                    panic!("{} {field}: {problem}: {zh}", info.code);
                }
            }
        }
    }

    /// A line of an example without its comment, if anything is left.
    fn yaml(line: &str) -> Option<&str> {
        let code = line.split(" #").next().unwrap_or(line).trim_end();
        (!code.is_empty() && !code.starts_with('#')).then_some(code)
    }

    #[test]
    fn the_chinese_example_is_the_english_yaml_with_chinese_comments() {
        for info in CODES {
            let (en, zh) = (info.example, info.zh.example);
            assert_eq!(
                en.lines().filter_map(yaml).collect::<Vec<_>>(),
                zh.lines().filter_map(yaml).collect::<Vec<_>>(),
                "{}: the examples differ in more than their comments",
                info.code
            );
            for line in zh.lines() {
                let comment = match line.split_once(" #") {
                    Some((_, c)) => c,
                    None => line.strip_prefix('#').unwrap_or_default(),
                };
                assert!(
                    comment.is_empty() || has_cjk(comment),
                    "{}: comment not Chinese: {line}",
                    info.code
                );
            }
        }
    }

    #[test]
    fn the_checks_of_chinese_find_english() {
        assert!(not_chinese("correct the YAML").is_some());
        assert!(not_chinese("请改正（见 the schema）").is_some());
        assert!(not_chinese("请改正 (见上)").is_some());
        assert!(not_chinese("请改正。Then update the branch").is_some());
        assert!(not_chinese("请改正；plan-lint").is_some());
        assert!(not_chinese(
            "写 `value: 98`，日期写作 YYYY-MM-DD；`plan-lint schema report` 说明了格式。"
        )
        .is_none());
    }
}

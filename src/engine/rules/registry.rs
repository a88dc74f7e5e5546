//! Every code plan-lint emits, in code order. The codes are the contract:
//! a code never changes meaning once released.

use super::*;

/// PL004 and PL005 describe plan-lint's own inputs (plan, rule and config files).
pub const PL004: CodeInfo = CodeInfo {
    code: Code::PL004,
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
    code: Code::PL005,
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
/// PL006: the register in an earlier version's form, which grants nothing now.
pub const PL006: CodeInfo = CodeInfo {
    code: Code::PL006,
    summary: "a decision of the plan office's register is in an earlier version's form that grants nothing now: a revision's `targets:` list names entries without the figures it approves (contract version 3); it still loads, and the help gives the `entries` to write",
    why: "a revision that names an entry but not its figure would let the report write any figure there: version 3 approves figures, so the old list approves nothing, and a warning rather than an error lets the office's own migration pull request run against the old register",
    example: "- id: D2025-004\n  kind: revision\n  department: eco-env\n  period: 2022\n  targets: [I14, P1126]\n  reason: 统计部门修订2022年数据\n  approved_by: 区发展和改革局\n  date: 2025-02-10\n",
    fix: "replace `targets` with `entries`, each entry with the figure the accepted report may now hold: `entries: [{target: I14, value: 97.4}, {target: P1126, status: suspended, progress: 40}]`; `plan-lint decisions draft --base REV` drafts them from the pull request that needs the revision",
    zh: Explain {
        severity: "警告",
        summary: "规划主管部门决定登记簿中的某项决定仍是旧版本的写法，现在不授予任何修改：修订决定的 `targets:` 列表只列出条目，没有写明批准的数值（合同第 3 版）；它仍能加载，帮助信息给出应写的 `entries`。",
        why: "只列条目、不写数值的修订决定会让报告在该条目中填写任意数值：第 3 版批准的是数值，因此旧列表不再批准任何修改；以警告而非错误提示，规划主管部门自己的迁移拉取请求在旧登记簿下仍能运行。",
        example: "- id: D2025-004\n  kind: revision\n  department: eco-env\n  period: 2022\n  targets: [I14, P1126]   # 第 2 版写法\n  reason: 统计部门修订2022年数据\n  approved_by: 区发展和改革局\n  date: 2025-02-10\n",
        fix: "把 `targets` 改为 `entries`，每条写明已接受报告现在可以填报的数值：`entries: [{target: I14, value: 97.4}, {target: P1126, status: suspended, progress: 40}]`；`plan-lint decisions draft --base REV` 可根据需要该修订的拉取请求起草这些条目。",
    },
    check: None,
};

/// PL6xx: `plan-lint plan verify`, a plan's catalog proved against the plan
/// text (the seed) it cites.
pub const PL601: CodeInfo = CodeInfo {
    code: Code::PL601,
    summary: "`plan verify`: a fact of the catalog is not at its cited line of the seed: the plan's name or period, an indicator's name, unit, 类别, baseline or target text and number, or 属性 against the cells of its table row, a text target's sentence, figure (a number of its own, not part of a name such as 5G), reference or target text, a target's figure its target_text does not state, a target year other than the year its sentence states (none: the period's end), a relative target's sentence without a comparative, a project's name (verbatim, or composed from a count group of its line), column, line or passage (its column's content line and header), a discrepancy's text, a rule entry's passage text, or a line past the end of the seed",
    why: "every figure plan-lint judges a report by must be the plan's own: a baseline mistyped in the catalog fails or passes every department's report for the wrong reason",
    example: "indicators:\n  - id: I15\n    baseline: 41.5   # the row of 专栏2-1 at line 107 says 41.75\n    source: {line: 107, passage: 专栏2-1 序号15}\n",
    fix: "write the entry as the seed states it at the cited line, or cite the line that states it; the finding's related place is that line",
    zh: Explain {
        severity: "错误",
        summary: "`plan verify`：目录中的某项内容不在规划文本（种子文本）所引的那一行：规划名称或规划期，指标的名称、单位、类别、基期或目标的原文和数值、属性与所在表格行的单元格不符，正文目标的语句、数值（独立的数字，不是 5G 这类名称的一部分）、比较对象或目标原文，目标值不在目标原文中，目标年份不是语句写明的年份（未写明时为规划期末），相对目标的语句中没有比较的说法，项目名称（原文照录，或由该行的计数列举组合而成）、所属专栏、所引行或段落（应为专栏内容所在行和专栏标题），出入记录的原文，规则条目引用的原文，或所引行号超出规划文本的行数。",
        why: "plan-lint 据以评判报告的每个数值都必须出自规划本身：目录中写错的基期值会让各部门的报告因错误的理由通过或不通过。",
        example: "indicators:\n  - id: I15\n    baseline: 41.5   # 第 107 行专栏2-1 的该行写的是 41.75\n    source: {line: 107, passage: 专栏2-1 序号15}\n",
        fix: "按规划文本在所引行的写法改正条目，或改引写明它的那一行；诊断的关联位置就是该行。",
    },
    check: None,
};
pub const PL602: CodeInfo = CodeInfo {
    code: Code::PL602,
    summary: "`plan verify`: a numbered row of a table the catalog cites is not in the catalog, or is cited by several entries; an entry cites a row the table does not have, or not on the row's line, or with an id other than I + its 序号 (the main indicator table); the table cannot be read, or lacks a column or the 类别 of a row",
    why: "a row left out of the catalog is a plan target no report is ever judged against; a row cited twice judges one target twice",
    example: "indicators:\n  - id: I14\n    source: {line: 107, passage: 专栏2-1 序号15}   # 序号15 is I15; 序号14 is now in no entry\n",
    fix: "give every numbered row one entry that cites its own line and 序号",
    zh: Explain {
        severity: "错误",
        summary: "`plan verify`：目录所引表格的某个带序号的行不在目录中，或被多个条目引用；条目引用了表格中没有的行，或行号不是该行所在的行，或编号不是 I 加序号（主要指标表）；表格无法读取，或缺少某一栏，或缺少某行的类别。",
        why: "漏掉的行是一个永远不会被评判的规划目标；被引用两次的行会把同一目标评判两次。",
        example: "indicators:\n  - id: I14\n    source: {line: 107, passage: 专栏2-1 序号15}   # 序号15 应为 I15；序号14 现在没有条目\n",
        fix: "让每个带序号的行恰有一个条目，并引用该行自己的行号和序号。",
    },
    check: None,
};
pub const PL603: CodeInfo = CodeInfo {
    code: Code::PL603,
    summary: "`plan verify`, the completeness scan: a candidate sentence of the seed (one with a number, a year, a figure word such as 全覆盖, a comparative such as 高于全市, or 二〇三五), a figure, year or comparative in it, or an item of a 专栏 project column is neither in the catalog nor recorded in the plan's accounting file (provenance/catalog-accounting.yaml); a text target no record names, or a project no item of its column names",
    why: "a target sentence nobody looked at is a plan target no report is ever judged against; the accounting file is the plan office's word that every candidate was read and what it became",
    example: "targets:\n  # the record of line 72 was removed: 服务外包合同执行额年均增长13% is now in no record\n  - line: 73\n    text: \"…\"\n",
    fix: "catalog the target or project, or add a record to the accounting file at the place shown: the sentence or clause verbatim, with what it became (a T-id, an I-id, \"restates Tnnn\", a relative or milestone form, \"no figure: …\", \"not a target: …\"; for a column item a P-id or \"not a project: …\")",
    zh: Explain {
        severity: "错误",
        summary: "`plan verify` 的完整性检查：规划文本中的某个候选语句（含数字、年份、“全覆盖”等表示数值的词、“高于全市”等比较说法，或“二〇三五”的语句）、其中的某个数值、年份或比较说法，或某个专栏项目列的条目，既不在目录中，也没有记入规划的核算文件（provenance/catalog-accounting.yaml）；或某个正文目标没有任何记录提到，某个项目没有被所在专栏的任何条目提到。",
        why: "没有人看过的目标语句，就是永远不会被评判的规划目标；核算文件是规划主管部门对“每个候选都已读过、各自去向如何”的说明。",
        example: "targets:\n  # 删去了第 72 行的记录：“服务外包合同执行额年均增长13%”现在没有任何记录\n  - line: 73\n    text: \"…\"\n",
        fix: "把该目标或项目列入目录，或在指出的位置向核算文件添加记录：原样写出语句或分句及其去向（T 编号、I 编号、`restates Tnnn`、相对目标或节点目标的写法、`no figure: …`、`not a target: …`；专栏条目写 P 编号或 `not a project: …`）。",
    },
    check: None,
};
pub const PL604: CodeInfo = CodeInfo {
    code: Code::PL604,
    summary: "`plan verify`, the completeness scan: a record of the accounting file does not hold: its text is not at its line (a clause of a candidate sentence, an item of the column line, a discrepancy or aim verbatim), it names an id the catalog does not have or a target cited elsewhere, its accounted_as is none of the accepted forms (Tnnn, Inn, \"restates Tnnn\", \"relative: more_than|rank_at_most <reference>: Tnnn[, Tnnn]\" or \"…; not cataloged: no measure is named\", \"milestone <year>, no figure: …\", \"no figure: …\", \"not a target: …\"; for an item P-ids or \"not a project: …\"), or it does not account for a figure, year or comparative it covers; the file does not load, or a key of its `search` is malformed",
    why: "a record that is not true of the seed accounts for nothing: the sentence it claims to explain may be a target nobody cataloged",
    example: "targets:\n  - line: 72\n    text: \"服务外包合同执行额年均增长13%\"\n    accounted_as: [\"not relevant\"]   # not a form the rules accept\n",
    fix: "correct the record: its text verbatim at its line, ids the catalog has, and an accounted_as of an accepted form that accounts for every figure it covers",
    zh: Explain {
        severity: "错误",
        summary: "`plan verify` 的完整性检查：核算文件中的某条记录不成立：原文不在所记的行（应为候选语句的分句、专栏行的条目、或原样照录的出入记录与目标表述），提到目录中没有的编号或引用别处的目标，accounted_as 不符合认可的格式（`Tnnn`、`Inn`、`restates Tnnn`、`relative: more_than|rank_at_most <比较对象>: Tnnn[, Tnnn]` 或 `…; not cataloged: no measure is named`、`milestone <年份>, no figure: …`、`no figure: …`、`not a target: …`；专栏条目为 P 编号或 `not a project: …`），或不能说明它所覆盖的数值、年份或比较说法；或文件无法加载，或其 `search` 的某个设置格式不对。",
        why: "与规划文本不符的记录什么也说明不了：它声称已说明的语句，可能正是没人列入目录的目标。",
        example: "targets:\n  - line: 72\n    text: \"服务外包合同执行额年均增长13%\"\n    accounted_as: [\"not relevant\"]   # 不是核算规则认可的格式\n",
        fix: "改正该记录：原文与所在行一致，编号在目录中存在，accounted_as 采用认可的格式，并能说明它覆盖的每个数值。",
    },
    check: None,
};
pub const PL605: CodeInfo = CodeInfo {
    code: Code::PL605,
    summary: "`plan verify`: the catalog does not hold together: a period whose baseline year is not the year before it, a department code that is not lowercase kebab-case or a department without a name, no department registry, an approver not in the registry, an empty name, a target year outside the period that its line does not name, an empty range or a baseline or target outside its range, a text target with both or neither of a figure and a reference, a relative target that is not qualitative, has a baseline, or is neither more_than (higher is better) nor a rank (at_most, unit 名 or 位, from 1), text-target ids not T001… in file order or a batch (the accounting file's `search.targets.batches`) out of seed order, a project id not P + column ordinal + item number running 01… in its column, a rule entry without passage text",
    why: "the loader accepts what the schema allows; what the plan office proves goes further, so that a catalog drafted for a new plan is as sound as the built-in one",
    example: "indicators:\n  - id: I09\n    target: 120\n    range: [0, 100]\n",
    fix: "correct the entry at the place shown",
    zh: Explain {
        severity: "错误",
        summary: "`plan verify`：目录前后矛盾：规划期的基期不是规划期前一年，部门代码不是小写连字符格式或部门没有名称，没有部门名录，审批单位不在名录中，名称为空，目标年份在规划期外且所引行没有写明该年份，取值范围为空或基期值、目标值超出取值范围，正文目标同时有或同时没有数值和比较对象，相对目标不是定性目标、有基期值、或既不是 more_than（越高越好）也不是排名（at_most，单位为名或位，从 1 起），正文目标的编号没有按文件顺序从 T001 起编排或某批条目（核算文件的 `search.targets.batches`）没有按规划文本的顺序排列，项目编号不是 P 加专栏序数再加在该专栏内从 01 起的条目序号，规则条目没有引用原文。",
        why: "加载时只检查格式允许的内容；规划主管部门的证明要更进一步，使为新规划起草的目录与内置目录一样可靠。",
        example: "indicators:\n  - id: I09\n    target: 120\n    range: [0, 100]\n",
        fix: "在指出的位置改正条目。",
    },
    check: None,
};
pub const PL606: CodeInfo = CodeInfo {
    code: Code::PL606,
    summary: "`plan verify`: an entry of the plan directory (plan.yaml, a department, indicator, target, project or rule entry, or a record of the accounting file) still carries a `review` mark: `plan-lint plan draft` proposed it from the plan text, and nobody has yet confirmed what the mark names (a reading such as kind, comparison or target_is, a department, a period, a name cut from a clause, a placeholder citation)",
    why: "a drafted catalog is a proposal: its copies of the text are proved by plan verify, but its readings of the text are judgements the plan office must make; a repository whose CI fails until each is confirmed cannot put an unread draft in force",
    example: "indicators:\n  - id: I01\n    kind: annual_rate\n    review:\n      - \"kind: annual_rate, proposed from 年均增长 in the name — confirm\"\n",
    fix: "check what the mark names against the plan text, correct the entry if needed, then delete the mark (and the `review` key when its list is empty)",
    zh: Explain {
        severity: "错误",
        summary: "`plan verify`：规划目录中的某个条目（plan.yaml、部门、指标、目标、项目或规则条目，或核算文件中的记录）仍带有 `review` 标记：它由 `plan-lint plan draft` 从规划文本起草，标记所指的内容（指标类型、比较方式、目标性质等解读，责任部门，规划期，从分句中截取的名称，占位的原文引用）尚未经人确认。",
        why: "起草的目录只是建议：其中照录规划文本的部分由 `plan verify` 逐项核对，但对文本的解读须由规划主管部门判断；在逐项确认之前让规划仓库的 CI 不通过，未经审读的草案就不会生效。",
        example: "indicators:\n  - id: I01\n    kind: annual_rate\n    review:   # 核对 kind 后删去这一项\n      - \"kind: annual_rate, proposed from 年均增长 in the name — confirm\"\n",
        fix: "对照规划文本核对标记所指的内容，必要时改正条目，然后删去该标记（列表为空时一并删去 `review`）。",
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
    &PL006,
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
    &change::PL211,
    &unit_slip::PL212,
    &same_measure::PL213,
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
    &PL601,
    &PL602,
    &PL603,
    &PL604,
    &PL605,
    &PL606,
];

/// A code's registry entry: its explain texts and check.
pub fn info_of(code: Code) -> &'static CodeInfo {
    CODES[code as usize]
}

/// The registry entry of the code a text names (Code::PL201), if there is one.
pub fn info(code: &str) -> Option<&'static CodeInfo> {
    Code::parse(code).map(info_of)
}

#[cfg(test)]
mod tests {
    use super::CODES;
    use crate::diagnostics::messages::Lang;

    /// Every code of the contract has its registry entry, at its place:
    /// `info_of` indexes the list by the code.
    #[test]
    fn the_registry_holds_every_code_in_code_order() {
        let codes: Vec<_> = crate::model::code::Code::all().collect();
        let listed: Vec<_> = CODES.iter().map(|c| c.code).collect();
        assert_eq!(listed, codes);
    }

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

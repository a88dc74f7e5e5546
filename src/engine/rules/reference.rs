//! PL003 and PL101–PL109: a report's references must resolve in the plan it
//! names: the plan and format version, indicator and project ids, units,
//! departments, periods, and the file's place in the data repository.

use super::{ChineseTexts, CodeInfo};
use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{
    DeptHint, Entity, IndicatorHint, Note, PlanMsg, PlanOfYear, ProjectHint, ReportMsg,
};
use crate::model::code::Code;
use crate::model::plan::Plans;
use crate::model::plan::{CatalogEntity, CatalogPositions, Plan};
use crate::model::report::Report;
use crate::syntax::suggest;
use crate::syntax::yaml::Span;
use crate::FastMap;
use jiff::civil::Date;

pub const PL003: CodeInfo = CodeInfo {
    code: Code::PL003,
    summary: "`plan` names no loaded plan, or `version` is not a format version plan-lint knows",
    why: "every other check depends on the plan the report is judged by; a wrong plan id would judge it by nothing",
    example: "version: 1\nplan: nanming-14th\n",
    fix: "write the plan id exactly (`plan-lint plan` prints it: nanming-14th-fyp) and `version: 1`",
    zh: ChineseTexts {
        summary: "`plan` 写的不是已加载的规划，或 `version` 不是 plan-lint 认识的格式版本。",
        why: "其他所有检查都取决于报告按哪个规划评判；规划代号写错，报告就无从评判。",
        example: "version: 1\nplan: nanming-14th   # 应为 nanming-14th-fyp\n",
        fix: "照原样写规划代号（`plan-lint plan` 会显示：nanming-14th-fyp），并写 `version: 1`。",
    },
    check: None,
};
pub const PL101: CodeInfo = CodeInfo {
    code: Code::PL101,
    summary: "an indicator id is not in the plan catalog",
    why: "a figure under an unknown id is counted for no target and checked by no rule",
    example: "indicators:\n  - id: I41\n    value: 41.7\n",
    fix: "use the catalog id (`plan-lint plan` lists them; 专栏2-1 序号N is IN with two digits, e.g. I15)",
    zh: ChineseTexts {
        summary: "指标编号不在规划的指标目录中。",
        why: "编号不存在的数据既不计入任何目标，也不受任何规则检查。",
        example: "indicators:\n  - id: I41   # 目录中没有 I41（是 I14 吗？）\n    value: 41.7\n",
        fix: "使用目录中的编号（`plan-lint plan` 列出全部指标）：专栏2-1 序号N 的编号是 I 加两位数字，如序号15 为 I15。",
    },
    check: None,
};
pub const PL102: CodeInfo = CodeInfo {
    code: Code::PL102,
    summary: "a project id is not in the catalog, or its `name` differs from the catalog name",
    why: "project progress is tracked against the plan's 专栏 list; a wrong id or name attaches the figures to the wrong project",
    example: "projects:\n  - id: P0999\n    status: planned\n    progress: 0\n",
    fix: "use the id and the exact name that `plan-lint plan --department <code>` lists",
    zh: ChineseTexts {
        summary: "项目编号不在项目目录中，或 `name` 与目录中的项目名称不一致。",
        why: "项目进度按规划专栏中的项目清单跟踪；编号或名称写错，数据就记到了别的项目上。",
        example: "projects:\n  - id: P0999   # 目录中没有 P0999\n    status: planned\n    progress: 0\n",
        fix: "使用 `plan-lint plan --department <部门代码>` 列出的项目编号和完整名称。",
    },
    check: None,
};
pub const PL103: CodeInfo = CodeInfo {
    code: Code::PL103,
    summary: "the same indicator or project appears twice in one report",
    why: "two figures for one target in one year leave it open which one counts",
    example: "indicators:\n  - id: I14\n    value: 97.6\n  - id: I14\n    value: 97.8\n",
    fix: "keep one entry per indicator and project",
    zh: ChineseTexts {
        summary: "同一份报告中，同一个指标或项目出现了两次。",
        why: "同一年同一目标有两个数据，就说不清以哪个为准。",
        example: "indicators:\n  - id: I14\n    value: 97.6\n  - id: I14   # 第二次出现\n    value: 97.8\n",
        fix: "每个指标、每个项目只保留一条。",
    },
    check: None,
};
pub const PL104: CodeInfo = CodeInfo {
    code: Code::PL104,
    summary: "an indicator's `unit` differs from the catalog unit",
    why: "a figure in another unit (万人 for 人, ‰ for %) compares wrongly with every target and every earlier year",
    example: "indicators:\n  - id: I16\n    value: 15.2\n    unit: 公顷\n",
    fix: "convert the figure to the plan's unit and write that unit, or leave `unit` out",
    zh: ChineseTexts {
        summary: "指标的 `unit`（单位）与目录中的单位不一致。",
        why: "换了单位的数据（该用“人”却用了“万人”，该用“%”却用了“‰”）与每个目标值、每个往年数据的比较都会出错。",
        example: "indicators:\n  - id: I16\n    value: 15.2\n    unit: 公顷   # 规划的单位是平方米\n",
        fix: "把数据换算成规划的单位并写该单位，或干脆不写 `unit`。",
    },
    check: None,
};
pub const PL105: CodeInfo = CodeInfo {
    code: Code::PL105,
    summary: "the department reports an indicator or project it is not responsible for in the report's period; the entry never enters history or status, and only a decision in the plan office's register can suppress the finding",
    why: "two departments reporting one figure can disagree, and a figure filed by a department that does not answer for it could become another department's \"previous value\" (a forged history): only the responsible department's record is the indicator's history (trust.md, \"The record (version 3)\")",
    example: "department: education\nindicators:\n  - id: I14\n    value: 97.6\n",
    fix: "leave the entry to the responsible department, or record the change of responsibility in plan-lint.toml",
    zh: ChineseTexts {
        summary: "部门报送了在该年度不由本部门负责的指标或项目；该条目不进入历史数据和实施情况统计，只有规划主管部门决定登记簿中的决定可以豁免这一结果。",
        why: "两个部门报同一个数据，可能互相矛盾；不由本部门负责的数据如果进入历史，就会成为负责部门的“上年数值”（伪造历史）。指标的历史只来自负责部门自己的报告。",
        example: "department: education\nindicators:\n  - id: I14   # I14 由 eco-env 负责\n    value: 97.6\n",
        fix: "把该条目留给负责的部门报送，或在 `plan-lint.toml` 中登记职责变更。",
    },
    check: None,
};
pub const PL106: CodeInfo = CodeInfo {
    code: Code::PL106,
    summary: "`period` is outside the plan years or after the year of `submitted`, or `submitted` is after today",
    why: "a report can only cover a plan year that has begun, and cannot be submitted in the future",
    example: "period: 2026\nsubmitted: 2025-01-10\n",
    fix: "set `period` to the reporting year (2021–2025) and `submitted` to the real submission date",
    zh: ChineseTexts {
        summary: "`period`（报告年度）不在规划期内或晚于 `submitted`（报送日期）所在的年份，或 `submitted` 晚于今天。",
        why: "报告只能针对已经开始的规划年度，报送日期也不能在将来。",
        example: "period: 2026   # 规划期为 2021—2025年\nsubmitted: 2025-01-10\n",
        fix: "把 `period` 改为报告所属的年度（2021—2025年），把 `submitted` 改为实际报送的日期。",
    },
    check: None,
};
pub const PL107: CodeInfo = CodeInfo {
    code: Code::PL107,
    summary: "two reports for the same department and period",
    why: "history must have one value per department and year; a second file makes it ambiguous",
    example: "# progress/2023/eco-env.yaml and progress/2023/eco-env-v2.yaml both say\ndepartment: eco-env\nperiod: 2023\n",
    fix: "find the report on record for the period (the one in its year's folder, merged earlier) and leave it; a copy of it made for the next year says the old `period`: correct that `period`. Never delete a report on record: that is PL402",
    zh: ChineseTexts {
        summary: "同一部门同一年度有两份报告。",
        why: "历史记录中每个部门每年只能有一个数据；多出一个文件，就说不清以哪个为准。",
        example: "# progress/2023/eco-env.yaml 和 progress/2023/eco-env-v2.yaml 都写着\ndepartment: eco-env\nperiod: 2023\n",
        fix: "找到该年度已接受的报告（在该年度文件夹中、较早合并的那一份），保持不动；为下一年复制出来的副本还写着旧的 `period`：请改正副本的 `period`。切勿删除已接受的报告：那是 PL402。",
    },
    check: None,
};
pub const PL108: CodeInfo = CodeInfo {
    code: Code::PL108,
    summary: "a report is not at its place: under the data root a report is read only at `<year>/<department code>.yaml` (or `.yml`) with that year as `period` and that department as `department`; any other `.yaml`/`.yml` file under the data root (any depth, any folder name), a file whose path disagrees with its fields, and a file or folder name that is not valid UTF-8 or holds a control character are PL108, and never enter the record",
    why: "history, status and the pull request's record are the reports at their places (trust.md, \"The record (version 3)\"): a file elsewhere — `progress/2022/a/eco-env.yaml` claiming another department, a report under another year's or department's name, a folder name git writes quoted — could otherwise become another department's \"previous value\" or escape its code owners' review; a draft outside the data root is exempt",
    example: "# progress/2023/eco-env.yaml\ndepartment: eco-env\nperiod: 2022\n# or: progress/2022/a/eco-env.yaml, progress/eco-env.yaml\n",
    fix: "if the file is this place's report, correct `period`/`department` (for a copy of last year's report: `period`, `submitted` and the figures); otherwise save the report at progress/<period>/<department>.yaml — never over a report already there — and keep other files outside the data root",
    zh: ChineseTexts {
        summary: "报告不在应在的位置：数据目录中只读取 `<年度>/<部门代码>.yaml`（或 `.yml`），且 `period` 为该年度、`department` 为该部门；数据目录中任何其他 `.yaml`/`.yml` 文件（任意层级、任意文件夹名）、路径与字段不一致的文件、名称不是有效 UTF-8 或含控制字符的文件或文件夹，都是 PL108，都不计入记录。",
        why: "历史数据、实施情况统计和拉取请求的记录都只认放在应在位置的报告：放在别处的文件（如自称其他部门的 `progress/2022/a/eco-env.yaml`）、存放在别的年份或部门名下的报告、git 会加引号显示的文件夹名，否则可能成为其他部门的“上年数值”，或绕过代码负责人的审核；数据目录外的草稿不算。",
        example: "# 文件 progress/2023/eco-env.yaml 中写着\ndepartment: eco-env\nperiod: 2022\n# 或：progress/2022/a/eco-env.yaml、progress/eco-env.yaml\n",
        fix: "如果文件就是该位置的报告，请改正 `period`、`department`（上年报告的副本：改 `period`、`submitted` 和各项数据）；否则把报告保存为 `progress/<年度>/<部门代码>.yaml`（切勿覆盖已有的报告），其他文件放在数据目录之外。",
    },
    check: None,
};
pub const PL110: CodeInfo = CodeInfo {
    code: Code::PL110,
    summary: "a file under the data root looks like a report but is not read (`*.YAML`, `*.YML`, `*.yaml.bak`, `*.yaml~`, `*.yaml.txt`, `*.yml.txt` …), or is a spreadsheet (`*.xlsx`, `*.xls`, `*.ods`, `*.csv`: a report counts only as YAML)",
    why: "Windows hides extensions: a report saved as eco-env.yaml.txt or renamed to eco-env.yaml.bak silently leaves the record, and with it every comparison against it",
    example: "progress/2024/eco-env.yaml.bak\n",
    fix: "rename a report to <department>.yaml; remove copies and backups from the data root (git keeps every earlier version)",
    zh: ChineseTexts {
        summary: "数据目录中有文件看起来是报告，却不会被读取（`*.YAML`、`*.YML`、`*.yaml.bak`、`*.yaml~`、`*.yaml.txt`、`*.yml.txt` 等），或是电子表格（`*.xlsx`、`*.xls`、`*.ods`、`*.csv`：只有 YAML 报告才计入）。",
        why: "Windows 默认隐藏扩展名：另存成 eco-env.yaml.txt 或改名为 eco-env.yaml.bak 的报告会悄悄脱离记录，与它的每一次比较也随之消失。",
        example: "progress/2024/eco-env.yaml.bak\n",
        fix: "把报告改名为 `<部门代码>.yaml`；副本和备份请移出数据目录（git 会保留所有历史版本）。",
    },
    check: None,
};

pub const PL109: CodeInfo = CodeInfo {
    code: Code::PL109,
    summary: "`department` is not a code of the plan's department registry",
    why: "responsibilities, coverage and history are keyed by the department code",
    example: "department: 区生态环境局\n",
    fix: "write the department's code, not its name (`plan-lint plan` lists codes and names)",
    zh: ChineseTexts {
        summary: "`department` 不是规划部门名录中的部门代码。",
        why: "职责、报送情况和历史数据都按部门代码对应。",
        example: "department: 区生态环境局   # 应写部门代码 eco-env\n",
        fix: "写部门代码而不是部门名称，如区生态环境局写 eco-env（`plan-lint plan` 列出各部门的代码和名称）。",
    },
    check: None,
};

/// PL003: the report's format version and plan. Returns the plan to judge it by.
pub fn check_plan<'p>(
    plans: &'p Plans,
    report: &Report,
    out: &mut Vec<Diagnostic>,
) -> Option<&'p Plan> {
    let src = &report.source;
    let mut ok = true;
    if let Some(v) = &report.version {
        if v.value != 1 {
            out.push(
                Diagnostic::new(
                    Code::PL003,
                    Severity::Error,
                    Location::at(src, v.span),
                    PlanMsg::UnknownVersion { version: v.value },
                )
                .node_path("/version"),
            );
            ok = false;
        }
    }
    let plan_field = report.plan.as_ref()?;
    let plan = plans.get(&plan_field.value);
    if plan.is_none() {
        let holding = report
            .period
            .as_ref()
            .and_then(|p| plan_holding(plans, p.value, None));
        out.push(
            Diagnostic::new(
                Code::PL003,
                Severity::Error,
                Location::at(src, plan_field.span),
                PlanMsg::PlanNotLoaded {
                    plan: plan_field.value.clone(),
                    suggestion: suggest::closest(&plan_field.value, plans.ids())
                        .map(str::to_string),
                    loaded: plans.ids().map(str::to_string).collect(),
                    holding,
                },
            )
            .node_path("/plan"),
        );
    }
    plan.filter(|_| ok)
}

/// The loaded plan, other than `except`, whose period holds the report's year `year`:
/// the plan a report of that year is judged by.
fn plan_holding(plans: &Plans, year: i64, except: Option<&str>) -> Option<PlanOfYear> {
    plans
        .holding(year)
        .into_iter()
        .find(|p| Some(p.id()) != except)
        .map(|p| PlanOfYear {
            id: p.id().to_string(),
            year,
            start: p.header.period.start,
            end: p.header.period.end,
        })
}

/// PL101–PL106, PL108, PL109 for one report, whose entries' catalog
/// positions are `catalog` ([`Plan::positions_of`]); `plans` are the loaded plans (a
/// period outside the report's plan names the one that holds it).
pub fn check(
    plans: &Plans,
    plan: &Plan,
    report: &Report,
    catalog: &CatalogPositions,
    today: Date,
    in_data_root: bool,
    out: &mut Vec<Diagnostic>,
) {
    // The reporting department's position in the plan's registry: whose
    // entries are compared by position (a catalog of 95,000 indicators at
    // 100,000 reports does not stay in the caches; its strings missed them).
    let dept_at = (report.department.as_ref()).and_then(|d| plan.department_position(&d.value));
    let dept_known = dept_at.is_some();
    check_department(plan, report, dept_known, out);
    check_period(plans, plan, report, today, out);
    // PL108: progress/<year>/<department>.yaml, under the data root (a
    // draft checked from outside it is exempt).
    if in_data_root {
        check_path(report, dept_known, out);
    }
    check_indicators(plan, report, catalog, dept_at, out);
    check_projects(plan, report, catalog, dept_at, out);
}

/// PL109: a department that is not a code of the plan's registry (its name,
/// an alias or the closest code offered as the fix).
fn check_department(plan: &Plan, report: &Report, dept_known: bool, out: &mut Vec<Diagnostic>) {
    let src = &report.source;
    let dept = report.department.as_ref();
    if let Some(d) = dept.filter(|_| !dept_known) {
        let hint = match plan.department_meant(&d.value) {
            Some((x, alias)) => DeptHint::Name {
                code: x.code.clone(),
                reported_by: alias.map(|_| x.name.clone()),
            },
            None => {
                match suggest::closest(&d.value, plan.departments.iter().map(|x| x.code.as_str())) {
                    Some(c) => DeptHint::Closest(c.to_string()),
                    None => DeptHint::None(plan.registry()),
                }
            }
        };
        let code = match &hint {
            DeptHint::Name { code, .. } | DeptHint::Closest(code) => Some(code.clone()),
            DeptHint::None(_) => None,
        };
        let finding = Diagnostic::new(
            Code::PL109,
            Severity::Error,
            Location::at(src, d.span),
            ReportMsg::UnknownDepartment {
                department: d.value.clone(),
                hint,
            },
        )
        .node_path("/department");
        out.push(with_fix(finding, src, d.span, code));
    }
}

/// PL106: a period outside the plan (the plan holding it named), after the
/// submission, or a submission date in the future.
fn check_period(
    plans: &Plans,
    plan: &Plan,
    report: &Report,
    today: Date,
    out: &mut Vec<Diagnostic>,
) {
    let src = &report.source;
    let period = report.period.as_ref();
    if let Some(p) = period {
        let (start, end) = (plan.header.period.start, plan.header.period.end);
        if !i32::try_from(p.value).is_ok_and(|y| plan.in_period(y)) {
            let written = src
                .text()
                .get(p.span.start()..p.span.end())
                .filter(|w| !w.is_empty() && w.len() <= 40)
                .map_or_else(|| p.value.to_string(), str::to_string);
            out.push(
                Diagnostic::new(
                    Code::PL106,
                    Severity::Error,
                    Location::at(src, p.span),
                    ReportMsg::PeriodOutside {
                        written,
                        start,
                        end,
                        holding: plan_holding(plans, p.value, Some(plan.id())),
                    },
                )
                .node_path("/period"),
            );
        } else if let Some(s) = report
            .submitted
            .as_ref()
            .filter(|s| (s.value.year() as i64) < p.value)
        {
            out.push(
                Diagnostic::new(
                    Code::PL106,
                    Severity::Error,
                    Location::at(src, p.span),
                    ReportMsg::PeriodAfterSubmission {
                        period: p.value,
                        submitted: s.value.to_string(),
                    },
                )
                .node_path("/period")
                .related(
                    Location::at(src, s.span),
                    Note::SubmittedOn {
                        date: s.value.to_string(),
                    },
                ),
            );
        }
    }
    if let Some(s) = report.submitted.as_ref().filter(|s| s.value > today) {
        out.push(
            Diagnostic::new(
                Code::PL106,
                Severity::Error,
                Location::at(src, s.span),
                ReportMsg::SubmittedInFuture {
                    submitted: s.value.to_string(),
                    today: today.to_string(),
                },
            )
            .node_path("/submitted"),
        );
    }
}

/// PL101, PL103, PL104, PL105 for the report's indicator entries.
fn check_indicators(
    plan: &Plan,
    report: &Report,
    catalog: &CatalogPositions,
    dept_at: Option<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let src = &report.source;
    let dept = report.department.as_ref();
    let mut seen: FastMap<&str, &crate::model::report::IndicatorEntry> =
        FastMap::with_capacity_and_hasher(report.indicators.len(), Default::default());
    for (e, position) in report.indicators.iter().zip(catalog.indicators()) {
        let id = &*e.id.value;
        if let Some(first) = seen.get(id) {
            out.push(duplicate(
                src,
                Entity::Indicator,
                id,
                e.id.span,
                first.id.span,
                &e.pointer(),
            ));
            continue;
        }
        seen.insert(id, e);
        let Some(i) = position else {
            // The department's own indicators first, not yet in the report; then any.
            let own = plan
                .indicators
                .iter()
                .filter(|i| dept.is_some_and(|d| d.value == i.department))
                .filter(|i| !report.indicators.iter().any(|e| *e.id.value == *i.id))
                .map(|i| i.id.as_str());
            let closest = suggest::closest(id, own)
                .or_else(|| suggest::closest(id, plan.indicators.iter().map(|i| i.id.as_str())));
            let hint = match closest {
                Some(c) => IndicatorHint::Closest {
                    id: c.to_string(),
                    name: plan
                        .indicator(c)
                        .map_or("", |i| i.name.as_str())
                        .to_string(),
                },
                None => match plan.indicators.iter().find(|i| i.name == id) {
                    Some(i) => IndicatorHint::Name { id: i.id.clone() },
                    None => IndicatorHint::None,
                },
            };
            let meant = match &hint {
                IndicatorHint::Closest { id, .. } | IndicatorHint::Name { id } => Some(id.clone()),
                IndicatorHint::None => None,
            };
            let d = Diagnostic::new(
                Code::PL101,
                Severity::Error,
                Location::at(src, e.id.span),
                ReportMsg::UnknownIndicator {
                    id: id.to_string(),
                    hint,
                },
            )
            .target(id)
            .node_path(format!("{}/id", e.pointer()));
            out.push(with_fix(d, src, e.id.span, meant));
            continue;
        };
        let ind = &plan.indicators[i];
        if let Some(u) = e.unit.as_ref().filter(|u| *u.value != *ind.unit) {
            let mut d = Diagnostic::new(
                Code::PL104,
                Severity::Error,
                Location::at(src, u.span),
                ReportMsg::UnitMismatch {
                    id: id.to_string(),
                    name: ind.name.clone(),
                    written: u.value.to_string(),
                    unit: ind.unit.clone(),
                },
            )
            .target(id)
            .node_path(format!("{}/unit", e.pointer()));
            if let Some(l) = plan.indicator_location(id, Some("unit")) {
                d = d.related(l, Note::PlanUnit { id: id.to_string() });
            }
            out.push(d);
        }
        let owner = other_owner(plan, report, dept_at, CatalogEntity::Indicator, i);
        if let (Some(d), Some(owner)) = (dept, owner) {
            out.push(not_responsible(
                plan,
                src,
                &d.value,
                Entity::Indicator,
                &ind.name,
                id,
                owner,
                e.id.span,
                &e.pointer(),
            ));
        }
    }
}

/// PL102, PL103, PL105 for the report's project entries.
fn check_projects(
    plan: &Plan,
    report: &Report,
    catalog: &CatalogPositions,
    dept_at: Option<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let src = &report.source;
    let dept = report.department.as_ref();
    let mut seen: FastMap<&str, &crate::model::report::ProjectEntry> =
        FastMap::with_capacity_and_hasher(report.projects.len(), Default::default());
    for (e, position) in report.projects.iter().zip(catalog.projects()) {
        let id = &*e.id.value;
        if let Some(first) = seen.get(id) {
            out.push(duplicate(
                src,
                Entity::Project,
                id,
                e.id.span,
                first.id.span,
                &e.pointer(),
            ));
            continue;
        }
        seen.insert(id, e);
        let Some(i) = position else {
            let hint = match e
                .name
                .as_ref()
                .and_then(|n| plan.projects.iter().find(|p| *p.name == *n.value))
            {
                Some(p) => ProjectHint::NamedAs {
                    name: p.name.clone(),
                    id: p.id.clone(),
                },
                None => match suggest::closest(
                    id,
                    plan.projects
                        .iter()
                        .filter(|p| !report.projects.iter().any(|e| *e.id.value == *p.id))
                        .map(|p| p.id.as_str()),
                ) {
                    Some(c) => ProjectHint::Closest {
                        id: c.to_string(),
                        name: plan.project(c).map_or("", |p| p.name.as_str()).to_string(),
                    },
                    None => ProjectHint::None,
                },
            };
            let meant = match &hint {
                ProjectHint::Closest { id, .. } | ProjectHint::NamedAs { id, .. } => {
                    Some(id.clone())
                }
                ProjectHint::None => None,
            };
            let d = Diagnostic::new(
                Code::PL102,
                Severity::Error,
                Location::at(src, e.id.span),
                ReportMsg::UnknownProject {
                    id: id.to_string(),
                    hint,
                },
            )
            .target(id)
            .node_path(format!("{}/id", e.pointer()));
            out.push(with_fix(d, src, e.id.span, meant));
            continue;
        };
        let p = &plan.projects[i];
        if let Some(n) = e.name.as_ref().filter(|n| *n.value != *p.name) {
            let mut d = Diagnostic::new(
                Code::PL102,
                Severity::Error,
                Location::at(src, n.span),
                ReportMsg::ProjectName {
                    id: id.to_string(),
                    catalog: p.name.clone(),
                    written: n.value.to_string(),
                },
            )
            .target(id)
            .node_path(format!("{}/name", e.pointer()));
            if let Some(l) = plan.project_location(id, Some("name")) {
                d = d.related(l, Note::CatalogName { id: id.to_string() });
            }
            out.push(d);
        }
        let owner = other_owner(plan, report, dept_at, CatalogEntity::Project, i);
        if let (Some(d), Some(owner)) = (dept, owner) {
            out.push(not_responsible(
                plan,
                src,
                &d.value,
                Entity::Project,
                &p.name,
                id,
                owner,
                e.id.span,
                &e.pointer(),
            ));
        }
    }
}

/// The department responsible for the catalog entry at `position` in the
/// report's period (the catalog's, without a period), when it is not the
/// reporting department (`dept_at`, its position in the registry; an
/// unknown department is PL109's, never PL105's).
fn other_owner<'p>(
    plan: &'p Plan,
    report: &Report,
    dept_at: Option<usize>,
    entity: CatalogEntity,
    position: usize,
) -> Option<&'p str> {
    let at = dept_at?;
    match report.period() {
        Some(period) => (!plan.written_by(entity, position, period, at))
            .then(|| plan.department_in(entity, position, period)),
        None => Some(plan.catalog_department(entity, position))
            .filter(|owner| report.department() != Some(*owner)),
    }
}

/// PL103: the second entry of an id in one report, pointing at the first.
/// A finding with the code action that writes `meant` in place of the
/// scalar at `span` (as written: a quoted one without the comment after it).
fn with_fix(
    d: Diagnostic,
    src: &crate::syntax::source::Source,
    span: crate::syntax::yaml::Span,
    meant: Option<String>,
) -> Diagnostic {
    match meant {
        Some(m) => {
            let at = crate::syntax::yaml::scalar_extent(src.text(), span);
            d.fix(
                at,
                m.clone(),
                crate::diagnostics::messages::ServerText::FixReplace { with: m },
            )
        }
        None => d,
    }
}

fn duplicate(
    src: &crate::syntax::source::Source,
    entity: Entity,
    id: &str,
    span: Span,
    first: Span,
    pointer: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::PL103,
        Severity::Error,
        Location::at(src, span),
        ReportMsg::Duplicate {
            entity,
            id: id.to_string(),
        },
    )
    .target(id)
    .node_path(format!("{pointer}/id"))
    .related(Location::at(src, first), Note::FirstEntry)
}

/// PL105: a department reports an indicator or project another department is responsible for.
#[allow(clippy::too_many_arguments)]
fn not_responsible(
    plan: &Plan,
    src: &crate::syntax::source::Source,
    reporter: &str,
    entity: Entity,
    name: &str,
    id: &str,
    owner: &str,
    span: Span,
    pointer: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::PL105,
        Severity::Error,
        Location::at(src, span),
        ReportMsg::NotResponsible {
            reporter: reporter.to_string(),
            entity,
            name: name.to_string(),
            id: id.to_string(),
            owner: owner.to_string(),
            owner_name: plan
                .department(owner)
                .map_or(owner, |x| x.name.as_str())
                .to_string(),
        },
    )
    .target(id)
    .node_path(format!("{pointer}/id"))
}

/// The report at the place of `period` beside the year folder of `path`
/// (`progress/2024/health.yaml`, period 2023: `progress/2023/health.yaml`),
/// if there is one.
fn on_record(path: &std::path::Path, period: i64) -> Option<String> {
    let root = path.parent()?.parent()?;
    let at = root.join(period.to_string()).join(path.file_name()?);
    at.is_file().then(|| crate::syntax::paths::display(&at))
}

/// PL108: the conventional path `…/<year>/<department>.yaml` against the fields.
fn check_path(report: &Report, dept_known: bool, out: &mut Vec<Diagnostic>) {
    let src = &report.source;
    let path = std::path::Path::new(&src.path);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let year_dir = crate::load::workspace::folder_year(&src.path).map(i64::from);
    if let (Some(y), Some(p)) = (year_dir, &report.period) {
        if y != p.value {
            out.push(
                Diagnostic::new(
                    Code::PL108,
                    Severity::Error,
                    Location::at(src, p.span),
                    ReportMsg::PathYear {
                        period: p.value,
                        year: y,
                        on_record: on_record(path, p.value),
                    },
                )
                .node_path("/period"),
            );
        }
    }
    if let Some(d) = &report.department {
        // An unknown department is PL109's finding; naming the file after it would mislead.
        if dept_known && year_dir.is_some() && stem != d.value {
            out.push(
                Diagnostic::new(
                    Code::PL108,
                    Severity::Error,
                    Location::at(src, d.span),
                    ReportMsg::PathName {
                        department: d.value.clone(),
                        stem: stem.to_string(),
                    },
                )
                .node_path("/department"),
            );
        }
    }
}

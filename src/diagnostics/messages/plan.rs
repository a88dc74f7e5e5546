//! PL003 (the report's plan), PL004 (a plan's own files), PL005 (plan-lint.toml).

use super::{list, t, Lang, Texts};
use Lang::{En, Zh};

/// The loaded plan whose period holds a report's year (PL003, PL106 help).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanOfYear {
    pub id: String,
    /// The report's year.
    pub year: i64,
    pub start: i32,
    pub end: i32,
}

impl PlanOfYear {
    /// "the year 2026 lies in the loaded plan "x" (2026–2030)".
    pub fn text(&self, lang: Lang) -> String {
        let PlanOfYear {
            id,
            year,
            start,
            end,
        } = self;
        match lang {
            En => format!("the year {year} lies in the loaded plan \"{id}\" ({start}–{end})"),
            Zh => format!("{year} 年属于已加载的规划“{id}”（{start}—{end}年）"),
        }
    }
}

/// Why a plan file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanReadError {
    CannotRead {
        path: String,
        error: String,
    },
    NotUtf8 {
        path: String,
    },
    /// The built-in plan lacks a file its plan.yaml lists.
    BuiltinMissing {
        name: String,
    },
    /// A plan directory read at a commit (a pull request's merge-base) has no such file.
    NotAtCommit {
        path: String,
        commit: String,
    },
}

impl PlanReadError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            PlanReadError::CannotRead { path, error } => match lang {
                En => {
                    format!("cannot read {path}: {error}")
                }
                Zh => format!("无法读取 {path}：{error}"),
            },
            PlanReadError::NotUtf8 { path } => match lang {
                En => format!("{path} is not UTF-8"),
                Zh => format!("{path} 不是 UTF-8 编码"),
            },
            PlanReadError::BuiltinMissing { name } => match lang {
                En => {
                    format!("the built-in plan has no file \"{name}\"")
                }
                Zh => format!("内置规划缺少文件“{name}”"),
            },
            PlanReadError::NotAtCommit { path, commit } => match lang {
                En => format!("{path} is not in commit {commit}"),
                Zh => format!("提交 {commit} 中没有 {path}"),
            },
        }
    }
}

/// Which plan file could not be read, for the help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadContext {
    /// A directory's plan.yaml.
    Header,
    /// A catalog or rule file plan.yaml lists.
    Listed,
    /// A file of the built-in plan.
    Builtin,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PlanMsg {
    // PL003
    UnknownVersion {
        version: i64,
    },
    PlanNotLoaded {
        plan: String,
        suggestion: Option<String>,
        loaded: Vec<String>,
        /// The loaded plan whose period holds the report's year, if one does.
        holding: Option<PlanOfYear>,
    },
    // PL004
    ReadFailed {
        error: PlanReadError,
        context: ReadContext,
    },
    /// A plan file that passed its schema but not its type (`builtin`: of the built-in plan).
    Unreadable {
        error: String,
        builtin: bool,
    },
    DuplicateDepartment {
        code: String,
    },
    DuplicateIndicator {
        id: String,
    },
    IndicatorDepartment {
        id: String,
        department: String,
    },
    DuplicateProject {
        id: String,
    },
    ProjectDepartment {
        id: String,
        department: String,
    },
    UnknownRuleCode {
        code: String,
    },
    FixedRuleCode {
        code: String,
    },
    SelectsUnknown {
        code: String,
        id: String,
    },
    SelectsNothing {
        code: String,
    },
    MissingParam {
        code: String,
        param: String,
    },
    /// A catalog entry's `same_as` names no indicator of the catalog, or one of another unit.
    SameAsUnknown {
        id: String,
        same_as: String,
    },
    SameAsUnit {
        id: String,
        same_as: String,
        unit: String,
        other_unit: String,
    },
    /// A rule file's `plausibility:` entry matches no indicator.
    PlausibilityMatchesNothing {
        unit: String,
    },
    // PL005
    ConfigUnreadable {
        error: String,
    },
    InvalidToml {
        detail: String,
    },
    BadExclude {
        pattern: String,
        error: String,
    },
    SeverityUnknownRule {
        code: String,
    },
    SeverityFixedRule {
        code: String,
        name: String,
    },
    SeverityNotSuppressible {
        code: String,
    },
    ConfigDepartment {
        department: String,
    },
    ConfigIndicator {
        id: String,
    },
    ConfigProject {
        id: String,
    },
}

impl PlanMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        let here = match lang {
            En => "here",
            Zh => "此处",
        };
        match self {
            PlanMsg::UnknownVersion { version } => match lang {
                En => t(
                    format!("report format version {version} is not known"),
                    "write `version: 1`, the only report format version",
                    "unknown version",
                ),
                Zh => t(
                    format!("报告格式版本 {version} 不存在"),
                    "请写 `version: 1`，这是唯一的报告格式版本",
                    "未知的版本",
                ),
            },
            PlanMsg::PlanNotLoaded { plan, suggestion, loaded, holding } => match lang {
                En => t(
                    format!("plan \"{plan}\" is not loaded"),
                    match (holding, suggestion) {
                        (Some(h), _) => format!(
                            "{}: write `plan: {}`, or load the plan \"{plan}\" with --plan DIR",
                            h.text(lang),
                            h.id
                        ),
                        (None, Some(s)) => format!("did you mean \"{s}\"? loaded plans: {}", loaded.join(", ")),
                        (None, None) => format!(
                            "use a loaded plan's id ({}), or load the plan with --plan DIR",
                            loaded.join(", ")
                        ),
                    },
                    "unknown plan",
                ),
                Zh => t(
                    format!("规划“{plan}”未加载"),
                    match (holding, suggestion) {
                        (Some(h), _) => format!(
                            "{}：请写 `plan: {}`，或用 --plan DIR 加载规划“{plan}”",
                            h.text(lang),
                            h.id
                        ),
                        (None, Some(s)) => format!("是否想写“{s}”？已加载的规划：{}", list(lang, loaded)),
                        (None, None) => format!(
                            "请使用已加载规划的标识（{}），或用 --plan DIR 加载该规划",
                            list(lang, loaded)
                        ),
                    },
                    "未知的规划",
                ),
            },
            PlanMsg::ReadFailed { error, context } => match lang {
                En => t(
                    error.text(lang),
                    match context {
                        ReadContext::Header => "a plan directory holds plan.yaml, which lists its catalog and rule files",
                        ReadContext::Listed => "create the file, or remove it from the list in plan.yaml",
                        ReadContext::Builtin => "the built-in plan is broken: rebuild plan-lint",
                    },
                    here,
                ),
                Zh => t(
                    error.text(lang),
                    match context {
                        ReadContext::Header => "规划目录中应有 plan.yaml，由它列出目录文件和规则文件",
                        ReadContext::Listed => "请创建该文件，或从 plan.yaml 的列表中去掉它",
                        ReadContext::Builtin => "内置规划已损坏：请重新构建 plan-lint",
                    },
                    here,
                ),
            },
            PlanMsg::Unreadable { error, builtin } => match lang {
                En => t(
                    format!("cannot read this plan file: {error}"),
                    if *builtin {
                        "the built-in plan is broken: rebuild plan-lint"
                    } else {
                        "compare the file with `plan-lint schema plan` or `plan-lint schema rules`"
                    },
                    here,
                ),
                Zh => t(
                    format!("无法读取此规划文件：{error}"),
                    if *builtin {
                        "内置规划已损坏：请重新构建 plan-lint"
                    } else {
                        "请对照 `plan-lint schema plan` 或 `plan-lint schema rules` 检查该文件"
                    },
                    here,
                ),
            },
            PlanMsg::DuplicateDepartment { code } => match lang {
                En => t(
                    format!("department code \"{code}\" is defined twice"),
                    "give every department one unique code",
                    here,
                ),
                Zh => t(
                    format!("部门代码“{code}”重复定义"),
                    "每个部门只能有一个唯一的代码",
                    here,
                ),
            },
            PlanMsg::DuplicateIndicator { id } => match lang {
                En => t(
                    format!("indicator id \"{id}\" is defined twice"),
                    "give every indicator one unique id",
                    here,
                ),
                Zh => t(
                    format!("指标编号“{id}”重复定义"),
                    "每个指标只能有一个唯一的编号",
                    here,
                ),
            },
            PlanMsg::IndicatorDepartment { id, department } => match lang {
                En => t(
                    format!("indicator \"{id}\" names unknown department \"{department}\""),
                    "use a code from the department registry, or add the department there",
                    here,
                ),
                Zh => t(
                    format!("指标“{id}”指定的部门“{department}”不存在"),
                    "请使用部门名录中的代码，或先把该部门加入名录",
                    here,
                ),
            },
            PlanMsg::DuplicateProject { id } => match lang {
                En => t(
                    format!("project id \"{id}\" is defined twice"),
                    "give every project an id no other project or indicator has",
                    here,
                ),
                Zh => t(
                    format!("项目编号“{id}”重复定义"),
                    "每个项目的编号都不能与其他项目或指标重复",
                    here,
                ),
            },
            PlanMsg::ProjectDepartment { id, department } => match lang {
                En => t(
                    format!("project \"{id}\" names unknown department \"{department}\""),
                    "use a code from the department registry, or add the department there",
                    here,
                ),
                Zh => t(
                    format!("项目“{id}”指定的部门“{department}”不存在"),
                    "请使用部门名录中的代码，或先把该部门加入名录",
                    here,
                ),
            },
            PlanMsg::UnknownRuleCode { code } => match lang {
                En => t(
                    format!("rule code \"{code}\" does not exist"),
                    "use a code listed by `plan-lint rules`; a plan cannot invent codes",
                    here,
                ),
                Zh => t(
                    format!("规则代码“{code}”不存在"),
                    "请使用 `plan-lint rules` 列出的代码；规划不能自创代码",
                    here,
                ),
            },
            PlanMsg::FixedRuleCode { code } => match lang {
                En => t(
                    format!("rule code \"{code}\" is fixed in plan-lint and cannot be configured by a plan"),
                    "rule files configure the plan-dependent codes PL2xx and PL3xx only",
                    here,
                ),
                Zh => t(
                    format!("规则代码“{code}”由 plan-lint 固定，规划不能配置"),
                    "规则文件只能配置与规划相关的 PL2xx 和 PL3xx 代码",
                    here,
                ),
            },
            PlanMsg::SelectsUnknown { code, id } => match lang {
                En => t(
                    format!("rule {code} selects \"{id}\", which is not in the catalog"),
                    "select ids of catalog indicators or projects",
                    here,
                ),
                Zh => t(
                    format!("规则 {code} 选择了“{id}”，但目录中没有它"),
                    "请选择目录中的指标或项目编号",
                    here,
                ),
            },
            PlanMsg::SameAsUnknown { id, same_as } => match lang {
                En => t(
                    format!("indicator \"{id}\" is declared the same measure as \"{same_as}\", which the catalog does not have"),
                    "write the id of the indicator whose figure of the same year is the same measure, or remove `same_as`",
                    here,
                ),
                Zh => t(
                    format!("指标“{id}”的 same_as 指向“{same_as}”，目录中没有该指标"),
                    "请填写同一年份为同一口径数值的指标编号，或删除 same_as",
                    here,
                ),
            },
            PlanMsg::SameAsUnit { id, same_as, unit, other_unit } => match lang {
                En => t(
                    format!("indicator \"{id}\" (unit \"{unit}\") is declared the same measure as \"{same_as}\" (unit \"{other_unit}\"): figures in two units are not one measure"),
                    "remove `same_as`, or correct the unit of one of the two entries",
                    here,
                ),
                Zh => t(
                    format!("指标“{id}”（单位“{unit}”）的 same_as 指向“{same_as}”（单位“{other_unit}”）：单位不同的数值不是同一口径"),
                    "请删除 same_as，或改正其中一个条目的单位",
                    here,
                ),
            },
            PlanMsg::PlausibilityMatchesNothing { unit } => match lang {
                En => t(
                    format!("the plausibility entry for unit \"{unit}\" matches no indicator of the catalog"),
                    "correct the unit or kinds (they must equal a catalog entry's), or remove the entry",
                    here,
                ),
                Zh => t(
                    format!("单位“{unit}”的合理性条目没有匹配目录中的任何指标"),
                    "请改正单位或种类（须与目录条目的写法一致），或删除该条目",
                    here,
                ),
            },
            PlanMsg::SelectsNothing { code } => match lang {
                En => t(
                    format!("rule {code} selects nothing in the catalog"),
                    "widen the selector, or remove the entry",
                    here,
                ),
                Zh => t(
                    format!("规则 {code} 在目录中没有选中任何条目"),
                    "请放宽选择条件，或删除该条目",
                    here,
                ),
            },
            PlanMsg::MissingParam { code, param } => match lang {
                En => t(
                    format!("rule {code} needs the parameter \"{param}\""),
                    "add it under params",
                    here,
                ),
                Zh => t(
                    format!("规则 {code} 缺少参数“{param}”"),
                    "请在 params 下添加该参数",
                    here,
                ),
            },
            PlanMsg::ConfigUnreadable { error } => match lang {
                En => t(
                    format!("cannot read the configuration: {error}"),
                    "check the path given with --config",
                    "",
                ),
                Zh => t(
                    format!("无法读取配置文件：{error}"),
                    "请检查 --config 指定的路径",
                    "",
                ),
            },
            PlanMsg::InvalidToml { detail } => match lang {
                En => t(
                    format!("invalid TOML: {detail}"),
                    "fix the TOML syntax at this place",
                    here,
                ),
                Zh => t(
                    format!("TOML 语法错误：{detail}"),
                    "请修正此处的 TOML 语法",
                    here,
                ),
            },
            PlanMsg::BadExclude { pattern, error } => match lang {
                En => t(
                    format!("exclude pattern \"{pattern}\" is not a glob: {error}"),
                    "write a glob such as progress/drafts/**",
                    here,
                ),
                Zh => t(
                    format!("排除模式“{pattern}”不是有效的通配模式：{error}"),
                    "请写成通配模式，例如 progress/drafts/**",
                    here,
                ),
            },
            PlanMsg::SeverityUnknownRule { code } => match lang {
                En => t(
                    format!("severity override for unknown rule \"{code}\""),
                    "use a code that `plan-lint rules` lists",
                    here,
                ),
                Zh => t(
                    format!("为不存在的规则“{code}”设置了级别"),
                    "请使用 `plan-lint rules` 列出的代码",
                    here,
                ),
            },
            PlanMsg::SeverityFixedRule { code, name } => match lang {
                En => t(
                    format!("{code} ({name}) is fixed in plan-lint; its severity cannot be changed"),
                    "only the plan-dependent rules PL2xx and PL3xx that the plan marks suppressible can be overridden",
                    here,
                ),
                Zh => t(
                    format!("{code}（{name}）由 plan-lint 固定，不能修改其级别"),
                    "只有规划标为可豁免的 PL2xx 和 PL3xx 规则才能修改级别",
                    here,
                ),
            },
            PlanMsg::SeverityNotSuppressible { code } => match lang {
                En => t(
                    format!("the plan marks {code} non-suppressible; its severity cannot be changed"),
                    "remove the override: the plan decides this rule's severity",
                    "not overridable",
                ),
                Zh => t(
                    format!("规划将 {code} 标为不可豁免，不能修改其级别"),
                    "请删除该设置：此规则的级别由规划决定",
                    "不能修改",
                ),
            },
            PlanMsg::ConfigDepartment { department } => match lang {
                En => t(
                    format!("department \"{department}\" is in no loaded plan's registry"),
                    "use a department code that `plan-lint plan` lists",
                    "unknown department",
                ),
                Zh => t(
                    format!("部门“{department}”不在任何已加载规划的部门名录中"),
                    "请使用 `plan-lint plan` 列出的部门代码",
                    "未知的部门",
                ),
            },
            PlanMsg::ConfigIndicator { id } => match lang {
                En => t(
                    format!("indicator \"{id}\" is in no loaded plan"),
                    "use an indicator id that `plan-lint plan` lists",
                    "unknown indicator",
                ),
                Zh => t(
                    format!("指标“{id}”不在任何已加载的规划中"),
                    "请使用 `plan-lint plan` 列出的指标编号",
                    "未知的指标",
                ),
            },
            PlanMsg::ConfigProject { id } => match lang {
                En => t(
                    format!("project \"{id}\" is in no loaded plan"),
                    "use a project id that `plan-lint plan` lists",
                    "unknown project",
                ),
                Zh => t(
                    format!("项目“{id}”不在任何已加载的规划中"),
                    "请使用 `plan-lint plan` 列出的项目编号",
                    "未知的项目",
                ),
            },
        }
    }
}

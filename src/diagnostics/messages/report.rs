//! PL1xx: a report's references to the catalog, and its identity.

use super::{named, q, t, Lang, Texts};
use Lang::{En, Zh};

/// What an entry of a report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Indicator,
    Project,
}

impl Entity {
    fn word(self, lang: Lang) -> &'static str {
        match self {
            Entity::Indicator => match lang {
                En => "indicator",
                Zh => "指标",
            },
            Entity::Project => match lang {
                En => "project",
                Zh => "项目",
            },
        }
    }
}

/// Why a name under the data root cannot name a report (PL108).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    NotUtf8,
    /// A newline, a tab or another control character: git writes such a name quoted.
    ControlCharacter,
}

/// What an unknown indicator id was probably meant to be.
#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorHint {
    Closest {
        id: String,
        name: String,
    },
    /// The name of an indicator written as its id.
    Name {
        id: String,
    },
    None,
}

/// What an unknown project id was probably meant to be.
#[derive(Clone, Debug, PartialEq)]
pub enum ProjectHint {
    /// The entry's `name` is a catalog project's name.
    NamedAs {
        name: String,
        id: String,
    },
    Closest {
        id: String,
        name: String,
    },
    None,
}

/// What an unknown department code was probably meant to be.
#[derive(Clone, Debug, PartialEq)]
pub enum DeptHint {
    /// The department's name (or an alias) written as its code;
    /// `reported_by`: the name of the department an alias belongs to.
    Name {
        code: String,
        reported_by: Option<String>,
    },
    Closest(String),
    /// Nothing close: the registry, (code, name).
    None(Vec<(String, String)>),
}

/// Which of two reports of one department and period a PL107 finding is on.
#[derive(Clone, Debug, PartialEq)]
pub enum DuplicateRole {
    /// The one in its period's folder, when the others are not.
    OnRecord { copies: Vec<String> },
    /// One in another year's folder: a copy made for that year.
    Copy { on_record: String, folder: i32 },
    /// No folder tells them apart.
    Unclear,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ReportMsg {
    // PL101
    UnknownIndicator {
        id: String,
        hint: IndicatorHint,
    },
    // PL102
    UnknownProject {
        id: String,
        hint: ProjectHint,
    },
    ProjectName {
        id: String,
        catalog: String,
        written: String,
    },
    // PL103
    Duplicate {
        entity: Entity,
        id: String,
    },
    // PL104
    UnitMismatch {
        id: String,
        name: String,
        written: String,
        unit: String,
    },
    // PL105
    NotResponsible {
        reporter: String,
        entity: Entity,
        name: String,
        id: String,
        owner: String,
        owner_name: String,
    },
    // PL106
    PeriodOutside {
        written: String,
        start: i32,
        end: i32,
        /// Another loaded plan whose period holds the year, if one does.
        holding: Option<super::PlanOfYear>,
    },
    PeriodAfterSubmission {
        period: i64,
        submitted: String,
    },
    SubmittedInFuture {
        submitted: String,
        today: String,
    },
    // PL107
    DuplicateReport {
        department: String,
        count: usize,
        period: i32,
        paths: Vec<String>,
        /// Which of the reports this one is: the help differs.
        role: DuplicateRole,
    },
    // PL108
    PathYear {
        period: i64,
        year: i64,
        /// The report at the place of `period`, when there is one: this
        /// file is then most likely a copy of it.
        on_record: Option<String>,
    },
    PathName {
        department: String,
        stem: String,
    },
    /// A report-like file under the data root that is not at a report's
    /// place; `place`: where the first year folder on its way would put it,
    /// and whether a file is there already.
    OutsidePlace {
        root: String,
        place: Option<(String, bool)>,
    },
    /// A file or folder name under the data root that cannot name a report.
    BadName {
        shown: String,
        problem: NameProblem,
    },
    // PL109
    UnknownDepartment {
        department: String,
        hint: DeptHint,
    },
    // PL110: `read_as`, the name under which it would be read.
    UnreadReportFile {
        name: String,
        read_as: String,
    },
    /// PL110: a workbook under the data root.
    UnreadSpreadsheet {
        name: String,
    },
}

impl ReportMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            ReportMsg::UnknownIndicator { id, hint } => match lang {
                En => t(
                    format!("indicator {} is not in the plan catalog", q(lang, id)),
                    match hint {
                        IndicatorHint::Closest { id: c, name } => {
                            format!("did you mean \"{c}\" ({name})? `plan-lint plan` lists every indicator")
                        }
                        IndicatorHint::Name { id: i } => format!("\"{id}\" is the name; write its id: id: {i}"),
                        IndicatorHint::None => "use an indicator id from the catalog (`plan-lint plan` lists them)".into(),
                    },
                    "unknown indicator",
                ),
                Zh => t(
                    format!("指标{}不在规划目录中", q(lang, id)),
                    match hint {
                        IndicatorHint::Closest { id: c, name } => {
                            format!("是否想写“{c}”（{name}）？`plan-lint plan` 列出全部指标")
                        }
                        IndicatorHint::Name { id: i } => format!("“{id}”是指标名称，请写它的编号：id: {i}"),
                        IndicatorHint::None => "请使用目录中的指标编号（`plan-lint plan` 可列出）".into(),
                    },
                    "未知的指标",
                ),
            },
            ReportMsg::UnknownProject { id, hint } => match lang {
                En => t(
                    format!("project {} is not in the plan catalog", q(lang, id)),
                    match hint {
                        ProjectHint::NamedAs { name, id } => format!("the project named \"{name}\" has the id {id}"),
                        ProjectHint::Closest { id: c, name } => format!("did you mean \"{c}\" ({name})?"),
                        ProjectHint::None => "use a project id from the catalog (`plan-lint plan` lists them)".into(),
                    },
                    "unknown project",
                ),
                Zh => t(
                    format!("项目{}不在规划目录中", q(lang, id)),
                    match hint {
                        ProjectHint::NamedAs { name, id } => format!("名为“{name}”的项目编号是 {id}"),
                        ProjectHint::Closest { id: c, name } => format!("是否想写“{c}”（{name}）？"),
                        ProjectHint::None => "请使用目录中的项目编号（`plan-lint plan` 可列出）".into(),
                    },
                    "未知的项目",
                ),
            },
            ReportMsg::ProjectName { id, catalog, written } => match lang {
                En => t(
                    format!("project {id} is named {} in the plan, not {}", q(lang, catalog), q(lang, written)),
                    format!("write the catalog name exactly (name: {catalog}), or leave `name` out"),
                    "not the catalog name",
                ),
                Zh => t(
                    format!("项目 {id} 在规划中的名称是{}，不是{}", q(lang, catalog), q(lang, written)),
                    format!("请照抄目录中的名称（name: {catalog}），或省略 `name`"),
                    "与目录名称不符",
                ),
            },
            ReportMsg::Duplicate { entity, id } => match lang {
                En => {
                    let what = entity.word(lang);
                    t(
                        format!("{what} {} appears twice in this report", q(lang, id)),
                        format!("keep one entry per {what}: merge the two and delete the other"),
                        "second entry",
                    )
                }
                Zh => {
                    let what = entity.word(lang);
                    t(
                        format!("{what}{}在本报告中出现了两次", q(lang, id)),
                        format!("每个{what}只保留一个条目：请合并两条，删除另一条"),
                        "重复的条目",
                    )
                }
            },
            ReportMsg::UnitMismatch { id, name, written, unit } => match lang {
                En => t(
                    format!(
                        "unit {} of {name} ({id}) differs from the plan's unit {}",
                        q(lang, written),
                        q(lang, unit)
                    ),
                    format!("report the figure in {unit} and write unit: \"{unit}\", or leave `unit` out"),
                    "not the plan's unit",
                ),
                Zh => t(
                    format!(
                        "{}的单位{}与规划的单位{}不同",
                        named(lang, name, id),
                        q(lang, written),
                        q(lang, unit)
                    ),
                    format!("请以{unit}为单位填报并写 unit: \"{unit}\"，或省略 `unit`"),
                    "不是规划的单位",
                ),
            },
            ReportMsg::NotResponsible { reporter, entity, name, id, owner, owner_name } => match lang {
                En => {
                    let what = entity.word(lang);
                    t(
                        format!(
                            "department {} reports {what} {name} ({id}), which is the responsibility of {}",
                            q(lang, reporter),
                            q(lang, owner)
                        ),
                        format!("leave {id} to {owner_name}, or record the responsibility in plan-lint.toml [responsibilities]"),
                        format!("not this department's {what}"),
                    )
                }
                Zh => {
                    let what = entity.word(lang);
                    t(
                        format!(
                            "部门{}填报了{}，该{what}由{}负责",
                            q(lang, reporter),
                            named(lang, name, id),
                            q(lang, owner)
                        ),
                        format!("请交由{owner_name}填报 {id}，或在 plan-lint.toml 的 [responsibilities] 中登记职责变更"),
                        format!("不是本部门的{what}"),
                    )
                }
            },
            ReportMsg::PeriodOutside { written, start, end, holding } => match lang {
                En => t(
                    format!("period {written} is outside the plan years {start}–{end}"),
                    match holding {
                        Some(h) => format!(
                            "{}: a report of that year is that plan's (write `plan: {}`); else set `period` to the reporting year, {start} to {end}",
                            h.text(lang),
                            h.id
                        ),
                        None => format!("set `period` to the reporting year, {start} to {end}"),
                    },
                    "outside the plan",
                ),
                Zh => t(
                    format!("年度 {written} 不在规划期（{start}—{end}年）内"),
                    match holding {
                        Some(h) => format!(
                            "{}：该年度的报告属于那个规划（请写 `plan: {}`）；否则请把 `period` 设为报告年度（{start}—{end}年）",
                            h.text(lang),
                            h.id
                        ),
                        None => format!("请把 `period` 设为报告年度（{start}—{end}年）"),
                    },
                    "超出规划期",
                ),
            },
            ReportMsg::PeriodAfterSubmission { period, submitted } => match lang {
                En => t(
                    format!("period {period} is after the year of submission {submitted}"),
                    "a report covers a year that has begun: correct `period` or `submitted`",
                    "after the submission year",
                ),
                Zh => t(
                    format!("报告年度 {period} 晚于报送日期 {submitted} 所在的年份"),
                    "报告只能覆盖已经开始的年度：请改正 `period` 或 `submitted`",
                    "晚于报送年份",
                ),
            },
            ReportMsg::SubmittedInFuture { submitted, today } => match lang {
                En => t(
                    format!("submission date {submitted} is after today ({today})"),
                    "write the date the report is actually submitted",
                    "in the future",
                ),
                Zh => t(
                    format!("报送日期 {submitted} 晚于今天（{today}）"),
                    "请填写报告实际报送的日期",
                    "晚于今天",
                ),
            },
            ReportMsg::DuplicateReport { department, count, period, paths, role } => {
                let others = |sep: &str| paths.join(sep);
                let help = match (lang, role) {
                    (En, DuplicateRole::OnRecord { copies }) => format!(
                        "this file is the {period} report, in the {period} folder: leave it as it is. {} also says `period: {period}` but lies in another year's folder — a copy of this report made for that year: correct `period` in it",
                        copies.join(" and ")
                    ),
                    (Zh, DuplicateRole::OnRecord { copies }) => format!(
                        "本文件是{period}年度的报告，位于 {period} 文件夹：请保持不动。{} 也写着 `period: {period}`，却位于其他年份的文件夹，是为那一年复制的副本：请改正那个文件中的 `period`",
                        copies.join("、")
                    ),
                    (En, DuplicateRole::Copy { on_record, folder }) => format!(
                        "this file lies in the {folder} folder but says `period: {period}`: if it is the {folder} report, change `period` to {folder}. {on_record} is the {period} report on record: leave it"
                    ),
                    (Zh, DuplicateRole::Copy { on_record, folder }) => format!(
                        "本文件位于 {folder} 文件夹，却写着 `period: {period}`：如果这是{folder}年度的报告，请把 `period` 改为 {folder}。{on_record} 才是{period}年度已报送的报告，请不要改动或删除"
                    ),
                    (En, DuplicateRole::Unclear) => format!(
                        "a department submits one report per period: of {}, the report already on record (merged earlier) is the one to keep: copy your changes into it, and in the other correct `period` and `department` to those of the place it lies in — taking a report on record away is PL402",
                        others(" and ")
                    ),
                    (Zh, DuplicateRole::Unclear) => format!(
                        "每个部门每个年度只报送一份报告：在 {} 中，已报送（此前已合并）的那份必须保留：请把修改抄入其中，并把另一份中的 `period` 和 `department` 改为与其所在位置一致——去掉已报送的报告会触发 PL402",
                        others(" 和 ")
                    ),
                };
                match lang {
                    En => t(
                        format!("department \"{department}\" has {count} reports for period {period}"),
                        help,
                        "same department and period",
                    ),
                    Zh => t(
                        format!("部门“{department}”在{period}年度有 {count} 份报告"),
                        help,
                        "部门和年度相同",
                    ),
                }
            }
            ReportMsg::PathYear {
                period,
                year,
                on_record,
            } => match lang {
                En => t(
                    format!("period {period} disagrees with the year {year} in the file path"),
                    match on_record {
                        Some(p) => format!("this looks like a copy of the {period} report on record, {p}: if this file is the {year} report, change `period` to {year} and `submitted` and the figures to this year's — the file stays where it is, and {p} stays as it is"),
                        None => format!("if this file is the {year} report, change `period` to {year}; if it is the {period} report, it belongs in the {period} folder"),
                    },
                    "not the path's year",
                ),
                Zh => t(
                    format!("年度 {period} 与文件路径中的年份 {year} 不一致"),
                    match on_record {
                        Some(p) => format!("此文件看来是 {period} 年度已记录报告 {p} 的副本：如果此文件是 {year} 年度的报告，请把 `period` 改为 {year}，并把 `submitted` 和各项数据改为本年度的——文件位置不变，{p} 也保持原样"),
                        None => format!("如果此文件是 {year} 年度的报告，请把 `period` 改为 {year}；如果是 {period} 年度的报告，应放在 {period} 文件夹中"),
                    },
                    "与路径中的年份不符",
                ),
            },
            ReportMsg::PathName { department, stem } => match lang {
                En => t(
                    format!(
                        "department {} disagrees with the file name {}",
                        q(lang, department),
                        q(lang, stem)
                    ),
                    format!("if this is the report of \"{stem}\", correct `department`; if it is the report of \"{department}\", it belongs in {department}.yaml — if that file exists, it is {department}'s accepted report: merge into it, never overwrite it"),
                    "not the file's name",
                ),
                Zh => t(
                    format!("部门{}与文件名{}不一致", q(lang, department), q(lang, stem)),
                    format!("如果这是“{stem}”的报告，请改正 `department`；如果是“{department}”的报告，应保存为 {department}.yaml——该文件如已存在，就是“{department}”已接受的报告：请合并到其中，切勿覆盖"),
                    "与文件名不符",
                ),
            },
            ReportMsg::OutsidePlace { root, place } => match lang {
                En => t(
                    format!("not a report's place: under {root}/ a report is read only at {root}/<year>/<department code>.yaml, and this file is never read into the record"),
                    match place {
                        Some((at, false)) => format!("if this is a report, save it as {at} (with that year as `period` and that department as `department`); anything else belongs outside {root}/"),
                        Some((at, true)) => format!("{at} is the report on record for that place; this file is not read. If it holds changes, copy them into {at} — never overwrite it — and keep this file outside {root}/"),
                        None => format!("if this is a report, save it as {root}/<period>/<department code>.yaml (e.g. {root}/2024/eco-env.yaml); anything else belongs outside {root}/"),
                    },
                    "not a report's place",
                ),
                Zh => t(
                    format!("不是报告应在的位置：{root}/ 下只读取 {root}/<年度>/<部门代码>.yaml，此文件不会计入记录"),
                    match place {
                        Some((at, false)) => format!("如果这是报告，请保存为 {at}（`period` 写该年度，`department` 写该部门）；其他文件请放在 {root}/ 之外"),
                        Some((at, true)) => format!("{at} 是该位置已记录的报告，此文件不会被读取。如果此文件有修改，请把修改抄入 {at}（切勿覆盖它），并把此文件放在 {root}/ 之外"),
                        None => format!("如果这是报告，请保存为 {root}/<年度>/<部门代码>.yaml（例如 {root}/2024/eco-env.yaml）；其他文件请放在 {root}/ 之外"),
                    },
                    "不是报告的位置",
                ),
            },
            ReportMsg::BadName { shown, problem } => {
                let (en, zh) = match problem {
                    NameProblem::NotUtf8 => ("is not valid UTF-8", "不是有效的 UTF-8"),
                    NameProblem::ControlCharacter => (
                        "holds a control character (a line break, a tab…)",
                        "含有控制字符（换行、制表符等）",
                    ),
                };
                match lang {
                    En => t(
                        format!("the name \"{shown}\" {en}: nothing under it is read into the record"),
                        "rename it with letters, digits, '-' and '_' only: a report lives at <year>/<department code>.yaml (git mv OLD NEW keeps its history)",
                        "name not read",
                    ),
                    Zh => t(
                        format!("名称“{shown}”{zh}：其中的任何文件都不会计入记录"),
                        "请只用字母、数字、“-”和“_”重新命名：报告应位于 <年度>/<部门代码>.yaml（用 git mv 旧名 新名 可保留历史）",
                        "名称无法读取",
                    ),
                }
            }
            ReportMsg::UnreadSpreadsheet { name } => match lang {
                En => t(
                    format!("{} is a spreadsheet: under the data root only YAML reports count", q(lang, name)),
                    "a workbook is not a report until it is written as <year>/<department code>.yaml (`plan-lint init` makes one to fill in); keep the workbook outside the data root",
                    "not read",
                ),
                Zh => t(
                    format!("{}是电子表格：数据目录中只有 YAML 报告才计入", q(lang, name)),
                    "工作簿要写成 <年度>/<部门代码>.yaml 才是报告（`plan-lint init` 可生成待填写的报告）；请把工作簿放在数据目录之外",
                    "未读取",
                ),
            },
            ReportMsg::UnreadReportFile { name, read_as } => match lang {
                En => t(
                    format!("{} looks like a report but is not read: only *.yaml and *.yml files are reports", q(lang, name)),
                    format!("if it is a report, rename it to {read_as} (if a file of that name is there, copy the changes into it instead: never replace it); if it is a copy or backup, keep it outside the data root (git keeps every earlier version)"),
                    "not read",
                ),
                Zh => t(
                    format!("{}看起来是报告，但不会被读取：只有 *.yaml 和 *.yml 文件才是报告", q(lang, name)),
                    format!("如果它是报告，请改名为 {read_as}（如已有同名文件，请把修改抄入该文件，切勿覆盖）；如果是副本或备份，请把它放在数据目录之外（git 会保留所有历史版本）"),
                    "未读取",
                ),
            },
            ReportMsg::UnknownDepartment { department, hint } => match lang {
                En => t(
                    format!(
                        "department {} is not in the plan's department registry",
                        q(lang, department)
                    ),
                    match hint {
                        DeptHint::Name { code, reported_by: None } => format!("\"{department}\" is the name; write its code: department: {code}"),
                        DeptHint::Name { code, reported_by: Some(by) } => format!("\"{department}\" is reported by {by} ({code}): write its code: department: {code}"),
                        DeptHint::Closest(c) => format!("did you mean \"{c}\"? `plan-lint plan` lists the department codes"),
                        DeptHint::None(registry) => format!(
                            "write a department code of the plan's registry: {}",
                            registry.iter().map(|(c, n)| format!("{c} ({n})")).collect::<Vec<_>>().join(", ")
                        ),
                    },
                    "unknown department",
                ),
                Zh => t(
                    format!("部门{}不在规划的部门名录中", q(lang, department)),
                    match hint {
                        DeptHint::Name { code, reported_by: None } => format!("“{department}”是部门名称，请写它的代码：department: {code}"),
                        DeptHint::Name { code, reported_by: Some(by) } => format!("“{department}”由{by}（{code}）报送：请写它的代码：department: {code}"),
                        DeptHint::Closest(c) => format!("是否想写“{c}”？`plan-lint plan` 列出各部门的代码"),
                        DeptHint::None(registry) => format!(
                            "请填写规划部门名录中的部门代码：{}",
                            registry.iter().map(|(c, n)| format!("{c}（{n}）")).collect::<Vec<_>>().join("、")
                        ),
                    },
                    "未知的部门",
                ),
            },
        }
    }
}

//! What the command line and the reporters say besides diagnostics: summary
//! lines, errors that stop a run (exit 2), the step summary's tables.

use super::{list, Lang, Msg};
use Lang::{En, Zh};

/// What a run found, as its summary lines count it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
    pub suppressed: usize,
}

/// What plan-lint could not do because of the files it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    ReadConfig,
    ApplyConfig,
    LoadPlan,
    LoadDecisions,
}

/// Why HEAD and a revision have no merge-base in a checkout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoMergeBase {
    /// The revision names no commit here (not fetched, or misspelt);
    /// `shallow` when the checkout is shallow too.
    NotACommit { shallow: bool },
    /// Both are commits, but the checkout is shallow: the history where they
    /// meet is not here.
    Shallow,
    /// Both are commits of unrelated histories.
    Unrelated,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    // Reporters.
    /// The human report's last line.
    Summary(Counts),
    /// The last line of `--format github`.
    GithubSummary(Counts),
    /// The word before a help text.
    HelpPrefix,
    /// The word that starts the line of a related place.
    RelatedHeading,
    /// A related place shown under its own heading: its note and file.
    RelatedIn {
        note: String,
        path: String,
    },
    RelatedTooLong {
        note: String,
        place: String,
    },
    RelatedGone {
        note: String,
        path: String,
    },
    /// A finding whose line is too long to show.
    TooLong {
        place: String,
        message: String,
    },
    /// A workbook's cell (`check FILE.xlsx`): `填报.xlsx › 指标!F7（I06 常住人口城镇化率）`.
    CellPlace {
        path: String,
        sheet: String,
        cell: String,
        row: Option<String>,
    },
    /// A related place at a workbook's cell.
    RelatedAt {
        note: String,
        place: String,
    },
    /// A finding about a file that cannot be shown.
    InFile {
        path: String,
        message: String,
    },
    // The step summary ($GITHUB_STEP_SUMMARY).
    StepCounts(Counts),
    StepOtherFiles,
    StepDepartmentHeader,
    StepRuleHeader,
    StepBindingHeader,
    Met,
    Missed {
        codes: Vec<String>,
    },
    // Errors that stop a run (exit 2), each after "error: ".
    ErrorPrefix,
    WarningPrefix,
    CannotContinue {
        stage: Stage,
    },
    NoSchema {
        name: String,
    },
    NoRule {
        code: String,
        suggestion: Option<String>,
    },
    PlanLoadedTwice {
        id: String,
        dir: String,
    },
    BadToday {
        today: String,
    },
    StdinUnreadable {
        error: super::OsError,
    },
    StepSummaryUnwritable {
        path: String,
        error: String,
    },
    Internal {
        file: String,
        what: String,
    },
    NoMatch {
        arg: String,
    },
    DataRootMissing {
        root: String,
    },
    /// Report files named, and no data repository found around them or the
    /// current folder: a check would run without history.
    NoDataRoot {
        root: String,
    },
    StatusDataRootMissing {
        root: String,
    },
    /// The decisions register's folder lies where it cannot serve.
    DecisionsMisplaced {
        dir: String,
        in_data_root: bool,
    },
    /// A register folder named by --decisions or plan-lint.toml does not exist.
    DecisionsMissing {
        dir: String,
    },
    Base {
        rev: String,
        error: Box<Text>,
    },
    GitCannotRun {
        error: String,
    },
    GitFailed {
        args: String,
        stderr: String,
        /// git's exit code (none when it was killed, or the failure is
        /// plan-lint's reading of its output).
        code: Option<i32>,
    },
    /// No merge-base of HEAD and `rev`, and why.
    NoMergeBase {
        rev: String,
        why: NoMergeBase,
    },
    /// A blob git lists that it cannot give (fail closed: never skipped).
    GitBlobMissing {
        path: String,
        commit: String,
    },
    /// A report-like path git lists on a side (the merge-base `at`, or the
    /// working tree) whose name plan-lint cannot represent: not valid UTF-8,
    /// or a control character (escaped in `path`).
    GitPathUnnamed {
        path: String,
        at: Option<String>,
    },
    CannotWrite {
        path: String,
        error: super::OsError,
    },
    ConfigAtBase {
        commit: String,
        first: Option<Box<Msg>>,
    },
    /// `-o FILE`: a file is there (`given`: the name asked for, when it
    /// differs from the file's only in case).
    FileExists {
        path: String,
        given: Option<String>,
    },
    /// `-o FILE` under the data root, by a command that writes no report.
    OutputInDataRoot {
        path: String,
        root: String,
    },
    /// `init -o FILE` under the data root, not at the place of its report.
    OutputNotItsPlace {
        path: String,
        place: String,
        department: String,
        period: i32,
    },
    /// The data repository keeps no copy of the report schema for the editor.
    SchemaCopyMissing {
        path: String,
    },
    /// The data repository's copy of the report schema is not this plan-lint's.
    SchemaCopyDiffers {
        path: String,
    },
    /// `init -o FILE`: a report is there already.
    ReportExists {
        path: String,
    },
    /// `plan verify`: no seed found for a plan directory.
    SeedNotFound {
        plan: String,
        seed: String,
        tried: Vec<String>,
    },
    SeedUnreadable {
        path: String,
        error: super::OsError,
    },
    /// A check without `--base` compared the record with the merge-base
    /// `commit` of HEAD and `rev` (`base` in plan-lint.toml).
    BaseChecked {
        rev: String,
        commit: String,
    },
    /// A check without `--base` did not compare the record with `rev`'s
    /// merge-base, and why.
    BaseNotChecked {
        rev: String,
        why: Box<Text>,
    },
    /// The folder a configuration's `base` would be looked up in is not in a git checkout.
    NotACheckout {
        dir: String,
    },
    /// `plan verify`: a plan without an accounting file; the completeness scan did not run.
    ScanNotRun {
        plan: String,
        path: String,
    },
    /// `plan verify`: the indicators whose plausibility (rules.md version 3)
    /// is plan-lint's default, the plan stating none.
    PlausibilityDefaults {
        plan: String,
        ids: Vec<String>,
    },
    Wrote {
        path: String,
    },
    /// `check` names more than one workbook, or a workbook and standard input.
    OneWorkbook,
    /// `init --format xlsx` or `convert FILE.yaml` without `-o`: a workbook is not written to a terminal.
    WorkbookNeedsOutput,
    /// `convert FILE`: not a workbook (.xlsx) nor a YAML report (.yaml, .yml).
    ConvertWhat {
        path: String,
    },
    /// `plan draft -o DIR`: DIR exists and is not empty.
    /// `plan draft --id`: not an id a plan file may have.
    DraftBadId {
        id: String,
    },
    /// `plan draft`: the text has no main indicator table.
    DraftNoTable,
    DraftDirNotEmpty {
        path: String,
    },
    /// `plan draft`: what it wrote.
    Drafted {
        path: String,
        indicators: usize,
        targets: usize,
        projects: usize,
        departments: usize,
        marks: usize,
    },
    PlanNotLoaded {
        id: String,
    },
    PlanNotLoadedOf {
        id: String,
        loaded: Vec<String>,
    },
    NoPlan,
    NotInRegistry {
        department: String,
        plan: String,
        /// The registry: (code, name) of every department.
        departments: Vec<(String, String)>,
    },
    PeriodOutside {
        period: i32,
        start: i32,
        end: i32,
    },
    /// `init --period Y`: no loaded plan's period holds Y; each loaded plan's (id, start, end).
    NoPlanHolds {
        period: i32,
        plans: Vec<(String, i32, i32)>,
    },
    /// `init --period Y`: the periods of several loaded plans hold Y.
    SeveralPlansHold {
        period: i32,
        plans: Vec<String>,
    },
    StatusPeriodOutside {
        period: i32,
        start: i32,
        end: i32,
    },
    BadAttribute {
        attribute: String,
    },
}

fn plural(n: usize, w: &str) -> String {
    format!("{n} {w}{}", if n == 1 { "" } else { "s" })
}

impl Text {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Text::Summary(Counts { errors, warnings, files, suppressed }) => match lang {
                En => {
                    let mut s = format!(
                        "{}, {} in {}",
                        plural(*errors, "error"),
                        plural(*warnings, "warning"),
                        plural(*files, "file")
                    );
                    if *suppressed > 0 {
                        s.push_str(&format!(" ({suppressed} suppressed, listed in --format json)"));
                    }
                    s
                }
                Zh => {
                    let mut s = format!("{errors} 个错误，{warnings} 个警告，共 {files} 个文件");
                    if *suppressed > 0 {
                        s.push_str(&format!("（另有 {suppressed} 个已豁免，见 --format json）"));
                    }
                    s
                }
            },
            Text::GithubSummary(Counts { errors, warnings, files, suppressed }) => match lang {
                En => format!(
                    "plan-lint: {errors} errors, {warnings} warnings in {files} files ({suppressed} suppressed)"
                ),
                Zh => format!(
                    "plan-lint：{errors} 个错误，{warnings} 个警告，共 {files} 个文件（{suppressed} 个已豁免）"
                ),
            },
            Text::HelpPrefix => match lang {
                En => "help: ".into(),
                Zh => "提示：".into(),
            },
            Text::RelatedHeading => match lang {
                En => "Advice: ".into(),
                Zh => "参见：".into(),
            },
            Text::RelatedIn { note, path } => match lang {
                En => format!("{note} ({path})"),
                Zh => format!("{note}（{path}）"),
            },
            Text::RelatedTooLong { note, place } => match lang {
                En => {
                    format!("{note} ({place}; the line is too long to show)")
                }
                Zh => {
                    format!("{note}（{place}；该行过长，无法显示）")
                }
            },
            Text::RelatedGone { note, path } => match lang {
                En => format!("{note} ({path}, no longer exists)"),
                Zh => format!("{note}（{path}，文件已不存在）"),
            },
            Text::TooLong { place, message } => match lang {
                En => {
                    format!("{place}: {message} (the line is too long to show)")
                }
                Zh => {
                    format!("{place}：{message}（该行过长，无法显示）")
                }
            },
            Text::CellPlace {
                path,
                sheet,
                cell,
                row,
            } => match (lang, row) {
                (En, Some(row)) => format!("{path} › {sheet}!{cell} ({row})"),
                (Zh, Some(row)) => format!("{path} › {sheet}!{cell}（{row}）"),
                (_, None) => format!("{path} › {sheet}!{cell}"),
            },
            Text::RelatedAt { note, place } => match lang {
                En => format!("{note} ({place})"),
                Zh => format!("{note}（{place}）"),
            },
            Text::InFile { path, message } => match lang {
                En => format!("{path}: {message}"),
                Zh => format!("{path}：{message}"),
            },
            Text::StepCounts(Counts { errors, warnings, files, suppressed }) => match lang {
                En => format!(
                    "{errors} errors, {warnings} warnings in {files} files ({suppressed} suppressed)."
                ),
                Zh => format!(
                    "{errors} 个错误，{warnings} 个警告，共 {files} 个文件（{suppressed} 个已豁免）。"
                ),
            },
            Text::StepOtherFiles => match lang {
                En => "(unreadable or other files)".into(),
                Zh => "（无法读取的文件或其他文件）".into(),
            },
            Text::StepDepartmentHeader => match lang {
                En => "| department | errors | warnings |".into(),
                Zh => "| 部门 | 错误 | 警告 |".into(),
            },
            Text::StepRuleHeader => match lang {
                En => "| rule | findings |".into(),
                Zh => "| 规则 | 问题数 |".into(),
            },
            Text::StepBindingHeader => match lang {
                En => "| binding indicator | target | in these reports |".into(),
                Zh => "| 约束性指标 | 目标值 | 本次报告中 |".into(),
            },
            Text::Met => match lang {
                En => "met".into(),
                Zh => "达标".into(),
            },
            Text::Missed { codes } => match lang {
                En => format!("missed ({})", codes.join(", ")),
                Zh => format!("未达标（{}）", list(lang, codes)),
            },
            Text::ErrorPrefix => match lang {
                En => "error: ".into(),
                Zh => "错误：".into(),
            },
            Text::WarningPrefix => match lang {
                En => "warning: ".into(),
                Zh => "警告：".into(),
            },
            Text::CannotContinue { stage } => match lang {
                En => format!(
                    "plan-lint cannot {}: fix the files above",
                    match stage {
                        Stage::ReadConfig => "read its configuration",
                        Stage::ApplyConfig => "apply its configuration",
                        Stage::LoadPlan => "load the plan",
                        Stage::LoadDecisions => "load the decisions register",
                    }
                ),
                Zh => format!(
                    "plan-lint 无法{}：请先修正上面列出的文件",
                    match stage {
                        Stage::ReadConfig => "读取配置",
                        Stage::ApplyConfig => "应用配置",
                        Stage::LoadPlan => "加载规划",
                        Stage::LoadDecisions => "加载决定登记簿",
                    }
                ),
            },
            Text::NoSchema { name } => match lang {
                En => format!(
                    "no schema \"{name}\"; choose one of report, plan, rules, config, output, status, decisions"
                ),
                Zh => format!(
                    "没有名为“{name}”的模式；可选 report、plan、rules、config、output、status、decisions"
                ),
            },
            Text::NoRule { code, suggestion } => match lang {
                En => format!(
                    "no rule \"{code}\"{}; `plan-lint rules` lists them",
                    suggestion
                        .as_ref()
                        .map(|c| format!(" (did you mean {c}?)"))
                        .unwrap_or_default()
                ),
                Zh => format!(
                    "没有规则“{code}”{}；`plan-lint rules` 列出全部规则",
                    suggestion
                        .as_ref()
                        .map(|c| format!("（是否想写 {c}？）"))
                        .unwrap_or_default()
                ),
            },
            Text::PlanLoadedTwice { id, dir } => match lang {
                En => format!(
                    "plan \"{id}\" from {dir} is already loaded; give the new plan its own id in plan.yaml"
                ),
                Zh => format!(
                    "来自 {dir} 的规划“{id}”已经加载；请在 plan.yaml 中给新规划另取一个标识"
                ),
            },
            Text::BadToday { today } => match lang {
                En => {
                    format!("--today \"{today}\" is not a date (YYYY-MM-DD)")
                }
                Zh => format!("--today “{today}”不是日期（YYYY-MM-DD）"),
            },
            Text::StdinUnreadable { error } => match lang {
                En => format!("cannot read standard input: {}", error.text(lang)),
                Zh => format!("无法读取标准输入：{}", error.text(lang)),
            },
            Text::StepSummaryUnwritable { path, error } => match lang {
                En => {
                    format!("cannot append to GITHUB_STEP_SUMMARY {path}: {error}")
                }
                Zh => {
                    format!("无法追加写入 GITHUB_STEP_SUMMARY {path}：{error}")
                }
            },
            Text::Internal { file, what } => match lang {
                En => format!(
                    "internal error while checking {file}: {what} (please report this with the file)"
                ),
                Zh => {
                    format!("检查 {file} 时发生内部错误：{what}（请连同该文件一起报告此问题）")
                }
            },
            Text::NoMatch { arg } => match lang {
                En => format!("\"{arg}\" matches no file"),
                Zh => format!("“{arg}”没有匹配到任何文件"),
            },
            Text::NoDataRoot { root } => match lang {
                En => format!(
                    "no data repository found: no plan-lint.toml in the current folder or above it, no \"{root}\" folder here, and the files named do not lie in a <data root>/<year>/ folder; without the earlier reports nothing can be compared, so nothing is checked: run plan-lint inside the data repository, or set --data-root"
                ),
                Zh => format!(
                    "未找到数据仓库：当前文件夹及其上级没有 plan-lint.toml，这里也没有“{root}”文件夹，所指定的文件也不在 <数据目录>/<年份>/ 文件夹中；没有往年报告就无法比对，因此不做检查：请在数据仓库中运行 plan-lint，或设置 --data-root"
                ),
            },
            Text::DataRootMissing { root } => match lang {
                En => format!(
                    "the data root \"{root}\" does not exist: correct --data-root (or `data_root` in plan-lint.toml), or run plan-lint inside the data repository"
                ),
                Zh => {
                    format!("数据目录“{root}”不存在：请改正 --data-root（或 plan-lint.toml 中的 `data_root`），或在数据仓库中运行 plan-lint")
                }
            },
            Text::DecisionsMisplaced { dir, in_data_root: true } => match lang {
                En => format!(
                    "the decisions register \"{dir}\" lies inside the data root, where departments write: keep it in decisions/ at the repository root instead"
                ),
                Zh => format!(
                    "决定登记簿“{dir}”位于数据目录内，而各部门可以写入数据目录：请改为放在仓库根目录的 decisions/"
                ),
            },
            Text::DecisionsMisplaced { dir, in_data_root: false } => match lang {
                En => format!(
                    "the decisions register \"{dir}\" lies outside the repository: name a folder inside it (default decisions/ at its root)"
                ),
                Zh => format!(
                    "决定登记簿“{dir}”位于仓库之外：请指定仓库内的文件夹（默认为仓库根目录的 decisions/）"
                ),
            },
            Text::DecisionsMissing { dir } => match lang {
                En => format!(
                    "the decisions register \"{dir}\" does not exist: correct --decisions or `decisions` in plan-lint.toml"
                ),
                Zh => format!(
                    "决定登记簿“{dir}”不存在：请更正 --decisions 或 plan-lint.toml 中的 `decisions`"
                ),
            },
            Text::StatusDataRootMissing { root } => match lang {
                En => {
                    format!("the data root \"{root}\" does not exist: set --data-root")
                }
                Zh => {
                    format!("数据目录“{root}”不存在：请设置 --data-root")
                }
            },
            Text::Base { rev, error } => format!("--base {rev}: {}", error.text(lang)),
            Text::GitCannotRun { error } => match lang {
                En => format!("cannot run git: {error}"),
                Zh => format!("无法运行 git：{error}"),
            },
            Text::GitFailed { args, stderr, code } => match (lang, stderr.is_empty(), code) {
                (En, false, _) => format!("git {args} failed: {stderr}"),
                (Zh, false, _) => format!("git {args} 执行失败：{stderr}"),
                (En, true, Some(code)) => format!("git {args} failed with exit code {code}"),
                (Zh, true, Some(code)) => format!("git {args} 执行失败，退出码 {code}"),
                (En, true, None) => format!("git {args} failed"),
                (Zh, true, None) => format!("git {args} 执行失败"),
            },
            Text::NoMergeBase { rev, why } => match (lang, why) {
                (En, NoMergeBase::NotACommit { shallow: false }) => format!(
                    "\"{rev}\" names no commit in this checkout: fetch it (`git fetch origin`; in GitHub Actions, `fetch-depth: 0` in actions/checkout)"
                ),
                (Zh, NoMergeBase::NotACommit { shallow: false }) => format!(
                    "“{rev}”在此检出中不指向任何提交：请获取它（`git fetch origin`；在 GitHub Actions 中，为 actions/checkout 设置 `fetch-depth: 0`）"
                ),
                (En, NoMergeBase::NotACommit { shallow: true }) => format!(
                    "\"{rev}\" names no commit in this checkout, which is shallow: fetch the history (`fetch-depth: 0` in actions/checkout, or `git fetch --unshallow origin`)"
                ),
                (Zh, NoMergeBase::NotACommit { shallow: true }) => format!(
                    "“{rev}”在此检出中不指向任何提交，且此检出是浅克隆：请获取完整历史（为 actions/checkout 设置 `fetch-depth: 0`，或运行 `git fetch --unshallow origin`）"
                ),
                (En, NoMergeBase::Shallow) => format!(
                    "HEAD and \"{rev}\" have no merge-base here: the checkout is shallow, without the history where they meet; fetch it (`fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`)"
                ),
                (Zh, NoMergeBase::Shallow) => format!(
                    "HEAD 与“{rev}”在此没有合并基点：此检出是浅克隆，缺少二者交汇处的历史；请获取它（为 actions/checkout 设置 `fetch-depth: 0`，或运行 `git fetch --unshallow`）"
                ),
                (En, NoMergeBase::Unrelated) => format!(
                    "HEAD and \"{rev}\" share no history (no merge-base): name the branch the record is accepted on"
                ),
                (Zh, NoMergeBase::Unrelated) => format!(
                    "HEAD 与“{rev}”没有共同历史（没有合并基点）：请指定接受记录所在的分支"
                ),
            },
            Text::GitBlobMissing { path, commit } => match lang {
                En => format!(
                    "git cannot give \"{path}\" at {commit}: history integrity cannot be checked without it"
                ),
                Zh => format!("git 无法提供 {commit} 中的“{path}”：缺少它无法检查历史完整性"),
            },
            Text::GitPathUnnamed { path, at } => {
                let side = match (lang, at) {
                    (En, Some(c)) => format!("at the merge-base {c}"),
                    (Zh, Some(c)) => format!("在合并基点 {c} 中"),
                    (En, None) => "in the working tree".to_string(),
                    (Zh, None) => "在工作区中".to_string(),
                };
                match lang {
                    En => format!(
                        "git lists \"{path}\" {side}, a name that is not valid UTF-8 or holds a control character: it cannot be compared with the accepted record, so the check stops; rename it (a report's place is <year>/<department>.yaml)"
                    ),
                    Zh => format!(
                        "git {side}列出“{path}”，该名称不是有效的 UTF-8 或含有控制字符：无法与已接受的记录比较，检查因此停止；请重命名（报告的位置是 <年份>/<部门>.yaml）"
                    ),
                }
            }
            Text::CannotWrite { path, error } => match lang {
                En => format!("cannot write {path}: {}", error.text(lang)),
                Zh => format!("无法写入 {path}：{}", error.text(lang)),
            },
            Text::ConfigAtBase { commit, first } => match lang {
                En => format!(
                    "the configuration at {commit} is not valid: {}",
                    first.as_ref().map(|m| m.message(lang)).unwrap_or_default()
                ),
                Zh => format!(
                    "{commit} 的配置无效：{}",
                    first.as_ref().map(|m| m.message(lang)).unwrap_or_default()
                ),
            },
            Text::FileExists { path, given } => {
                let same = match (lang, given) {
                    (_, None) => String::new(),
                    (En, Some(g)) => format!(" (\"{g}\" names the same file: file names are compared without regard to case)"),
                    (Zh, Some(g)) => format!("（“{g}”与它是同一个文件：文件名不区分大小写）"),
                };
                match lang {
                    En => format!(
                        "{path} already exists{same}; plan-lint replaces a file only with --force: write to another file name with -o FILE, or add --force if this file may be replaced"
                    ),
                    Zh => format!(
                        "{path} 已存在{same}；不加 --force 时 plan-lint 不会覆盖文件：请用 -o FILE 写到另一个文件名；确定可以替换这个文件时，再加上 --force"
                    ),
                }
            }
            Text::OutputInDataRoot { path, root } => match lang {
                En => format!(
                    "{path} lies in the data root {root}, which holds only the departments' reports: plan-lint writes nothing there but a new report (init), with or without --force; write to a file outside {root}"
                ),
                Zh => format!(
                    "{path} 位于数据目录 {root} 中，该目录只存放各部门的报告：除 init 新建报告外，plan-lint 不在其中写入任何文件（加 --force 也不写）；请写到 {root} 之外的文件"
                ),
            },
            Text::OutputNotItsPlace {
                path,
                place,
                department,
                period,
            } => match lang {
                En => format!(
                    "{path} is in the data root but is not the place of {department}'s report for {period}: write it with -o {place}"
                ),
                Zh => format!(
                    "{path} 位于数据目录中，但不是 {department} {period}年度报告的位置：请用 -o {place}"
                ),
            },
            Text::SchemaCopyMissing { path } => match lang {
                En => format!(
                    "note: the report's `$schema` points at {path}, which is not there yet: `plan-lint schema report -o {path}` writes it, and the editor then completes and checks the report without a network"
                ),
                Zh => format!(
                    "提示：报告的 `$schema` 指向 {path}，该文件尚不存在：运行 `plan-lint schema report -o {path}` 生成它，编辑器即可离线补全和检查报告"
                ),
            },
            Text::SchemaCopyDiffers { path } => match lang {
                En => format!(
                    "warning: {path} is not the report schema of this plan-lint: the editor checks reports against other rules than `check`; `plan-lint schema report -o {path} --force` writes the current one"
                ),
                Zh => format!(
                    "警告：{path} 不是当前 plan-lint 的报告格式定义：编辑器会按与 `check` 不同的规则检查报告；运行 `plan-lint schema report -o {path} --force` 写入当前版本"
                ),
            },
            Text::ReportExists { path } => match lang {
                En => format!(
                    "{path} is a report already: plan-lint init never replaces a report, even with --force; open it and go on filling it in, and `plan-lint check {path}` checks it"
                ),
                Zh => format!(
                    "{path} 已是一份报告：plan-lint init 从不替换报告（加 --force 也不会）；请打开它继续填写，用 `plan-lint check {path}` 检查"
                ),
            },
            Text::SeedNotFound { plan, seed, tried } => match lang {
                En => format!(
                    "cannot find the plan text \"{seed}\" of plan \"{plan}\" (looked at {}): name it with --seed FILE",
                    tried.join(", ")
                ),
                Zh => format!(
                    "找不到规划“{plan}”的规划文本“{seed}”（已查找 {}）：请用 --seed FILE 指定",
                    tried.join("、")
                ),
            },
            Text::SeedUnreadable { path, error } => match lang {
                En => format!("cannot read the plan text {path}: {}", error.text(lang)),
                Zh => format!("无法读取规划文本 {path}：{}", error.text(lang)),
            },
            Text::BaseChecked { rev, commit } => match lang {
                En => format!(
                    "history integrity checked against \"{rev}\" at {commit} (`base` in plan-lint.toml; --no-base turns it off)"
                ),
                Zh => format!(
                    "已对照“{rev}”在 {commit} 的记录检查历史完整性（plan-lint.toml 中的 `base`；--no-base 可关闭）"
                ),
            },
            Text::BaseNotChecked { rev, why } => match lang {
                En => format!(
                    "note: history integrity was not checked against \"{rev}\" (`base` in plan-lint.toml): {}",
                    why.text(lang)
                ),
                Zh => format!(
                    "注意：未对照“{rev}”检查历史完整性（plan-lint.toml 中的 `base`）：{}",
                    why.text(lang)
                ),
            },
            Text::NotACheckout { dir } => match lang {
                En => format!("\"{dir}\" is not in a git checkout"),
                Zh => format!("“{dir}”不在 git 检出中"),
            },
            Text::PlausibilityDefaults { plan, ids } => match lang {
                En => format!(
                    "note: {} indicator(s) of plan \"{plan}\" rely on plan-lint's default plausibility (no `plausibility:` entry of their unit in the rule files, no `plausible` in the catalog): {}",
                    ids.len(),
                    ids.join(", ")
                ),
                Zh => format!(
                    "注意：规划“{plan}”有 {} 个指标使用 plan-lint 的默认合理性界限（规则文件中没有该单位的 `plausibility:` 条目，目录中也没有 `plausible`）：{}",
                    ids.len(),
                    ids.join("、")
                ),
            },
            Text::ScanNotRun { plan, path } => match lang {
                En => format!(
                    "note: the completeness scan was not run for plan \"{plan}\": it has no accounting file {path} (the catalog is proved, not shown complete)"
                ),
                Zh => format!(
                    "注意：规划“{plan}”未进行完整性检查：没有核算文件 {path}（目录已逐项核对，但未证明其完整）"
                ),
            },
            Text::DraftBadId { id } => match lang {
                En => format!(
                    "--id \"{id}\" is not a plan id: lowercase letters, digits and '-', starting with a letter or digit (nanming-15th-fyp)"
                ),
                Zh => format!(
                    "--id “{id}”不是规划编号：只能用小写字母、数字和“-”，并以字母或数字开头（如 nanming-15th-fyp）"
                ),
            },
            Text::DraftNoTable => match lang {
                En => "note: the text has no main indicator table (a 专栏 whose header row has 序号, 指标名称 and 属性, written as `cell | cell` lines): indicators.yaml lists none".into(),
                Zh => "提示：规划文本中没有主要指标表（表头含“序号”“指标名称”“属性”的专栏，以“单元格 | 单元格”行书写）：indicators.yaml 中没有指标".into(),
            },
            Text::DraftDirNotEmpty { path } => match lang {
                En => format!(
                    "{path} is not empty; plan-lint plan draft writes into a new or empty directory: choose another directory with -o DIR, or add --force to replace the files it drafts there"
                ),
                Zh => format!(
                    "{path} 不是空目录；plan-lint plan draft 只写入新的或空的目录：请用 -o DIR 另选一个目录；确定可以替换其中起草的文件时，再加上 --force"
                ),
            },
            Text::Drafted {
                path,
                indicators,
                targets,
                projects,
                departments,
                marks,
            } => match lang {
                En => format!(
                    "drafted plan directory {path}: {indicators} table indicators, {targets} text targets, {projects} projects, {departments} departments; {marks} review marks to confirm (`plan-lint plan verify {path}` lists them as PL606)"
                ),
                Zh => format!(
                    "已起草规划目录 {path}：表内指标 {indicators} 个，正文目标 {targets} 个，项目 {projects} 个，部门 {departments} 个；待复核标记 {marks} 处（`plan-lint plan verify {path}` 以 PL606 逐条列出）"
                ),
            },
            Text::OneWorkbook => match lang {
                En => "check reads one workbook a run, and not beside standard input: check the workbooks one by one".to_string(),
                Zh => "check 每次只检查一个工作簿，且不能同时读取标准输入：请逐个检查工作簿".to_string(),
            },
            Text::WorkbookNeedsOutput => match lang {
                En => "a workbook is not written to standard output: name the file with -o FILE.xlsx".to_string(),
                Zh => "工作簿不能输出到标准输出：请用 -o 文件名.xlsx 指定要写入的文件".to_string(),
            },
            Text::ConvertWhat { path } => match lang {
                En => format!("{path} is neither a workbook (.xlsx) nor a YAML report (.yaml, .yml): convert turns one into the other"),
                Zh => format!("{path} 既不是工作簿（.xlsx）也不是 YAML 报告（.yaml、.yml）：convert 只在两者之间转换"),
            },
            Text::Wrote { path } => match lang {
                En => format!("wrote {path}"),
                Zh => format!("已写入 {path}"),
            },
            Text::PlanNotLoaded { id } => match lang {
                En => format!("plan \"{id}\" is not loaded"),
                Zh => format!("规划“{id}”未加载"),
            },
            Text::PlanNotLoadedOf { id, loaded } => match lang {
                En => {
                    format!("no plan \"{id}\" is loaded; loaded: {}", loaded.join(", "))
                }
                Zh => {
                    format!("规划“{id}”未加载；已加载：{}", list(lang, loaded))
                }
            },
            Text::NoPlan => match lang {
                En => "no plan is loaded".into(),
                Zh => "没有加载任何规划".into(),
            },
            Text::NotInRegistry { department, plan, departments } => {
                let list: Vec<String> = (departments.iter())
                    .map(|(code, name)| format!("  {code}  {name}"))
                    .collect();
                match lang {
                    En => format!(
                        "department \"{department}\" is not in the registry of plan {plan}; write its code (or its name) from:\n{}",
                        list.join("\n")
                    ),
                    Zh => format!(
                        "部门“{department}”不在规划 {plan} 的部门名录中；请从下列名录中填写部门代码（或名称）：\n{}",
                        list.join("\n")
                    ),
                }
            }
            Text::PeriodOutside { period, start, end } => match lang {
                En => {
                    format!("period {period} is outside the plan years {start}–{end}")
                }
                Zh => {
                    format!("年度 {period} 不在规划期（{start}—{end}年）内")
                }
            },
            Text::NoPlanHolds { period, plans } => {
                let periods: Vec<String> = (plans.iter())
                    .map(|(id, start, end)| match lang {
                        En => format!("{id} {start}–{end}"),
                        Zh => format!("{id}（{start}—{end}年）"),
                    })
                    .collect();
                match lang {
                    En => format!(
                        "no loaded plan's period holds {period}: {}; load the plan of {period} with --plan DIR",
                        periods.join(", ")
                    ),
                    Zh => format!(
                        "已加载的规划中没有哪个的规划期包含 {period} 年：{}；请用 --plan DIR 加载 {period} 年所属的规划",
                        periods.join("、")
                    ),
                }
            }
            Text::SeveralPlansHold { period, plans } => match lang {
                En => format!(
                    "the periods of several loaded plans hold {period}: {}; name one with --plan-id",
                    plans.join(", ")
                ),
                Zh => format!(
                    "有多个已加载规划的规划期包含 {period} 年：{}；请用 --plan-id 指定其一",
                    plans.join("、")
                ),
            },
            Text::StatusPeriodOutside { period, start, end } => match lang {
                En => {
                    format!("--period {period} is outside the plan period {start}–{end}")
                }
                Zh => {
                    format!("--period {period} 不在规划期（{start}—{end}年）内")
                }
            },
            Text::BadAttribute { attribute } => match lang {
                En => {
                    format!("--attribute \"{attribute}\" is not binding or expected")
                }
                Zh => {
                    format!("--attribute “{attribute}”不是 binding（约束性）或 expected（预期性）")
                }
            },
        }
    }

    /// `error: …` as a line of standard error.
    pub fn error_line(&self, lang: Lang) -> String {
        format!("{}{}\n", Text::ErrorPrefix.text(lang), self.text(lang))
    }
}

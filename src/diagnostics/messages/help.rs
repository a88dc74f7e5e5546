//! The command line's help: what each command and option does, and the
//! words clap puts around them (headings, "Print help").

use super::Lang;
use Lang::{En, Zh};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CliHelp {
    // The program and its options for every command.
    About,
    Plans,
    Config,
    Lang,
    // Commands.
    Check,
    Explain,
    Rules,
    Plan,
    Init,
    Test,
    Status,
    Schema,
    // Their arguments.
    CheckPaths,
    CheckFormat,
    CheckDataRoot,
    CheckStdinFilename,
    CheckDenyWarnings,
    CheckToday,
    CheckTimings,
    CheckBase,
    CheckNoBase,
    Decisions,
    DecisionsDraft,
    DecisionsDraftBase,
    Codeowners,
    Server,
    CodeownersOffice,
    CodeownersTeams,
    CheckFailOn,
    ExplainCode,
    PlanFormat,
    PlanId,
    PlanDepartment,
    PlanColumn,
    PlanAttribute,
    PlanVerify,
    PlanVerifyDirs,
    PlanVerifySeed,
    PlanDraft,
    PlanDraftSeed,
    PlanDraftId,
    PlanDraftOutput,
    PlanVerifyFormat,
    InitDepartment,
    InitPeriod,
    InitOutput,
    InitFormat,
    Convert,
    ConvertFile,
    ConvertOutput,
    InitDataRoot,
    InitPlanId,
    TestDir,
    StatusFormat,
    StatusPeriod,
    StatusDataRoot,
    StatusPlanId,
    StatusTable,
    StatusDepartment,
    SchemaName,
    Output,
    Force,
    // clap's own words; the English is what clap writes.
    Usage,
    Commands,
    Arguments,
    Options,
    PrintHelpMore,
    PrintHelpSummary,
    PrintHelp,
    PrintVersion,
    HelpCommand,
    Default,
    PossibleValues,
}

impl CliHelp {
    /// clap's words, in the order they are replaced (longer first).
    pub const CLAP_WORDS: [CliHelp; 11] = [
        CliHelp::Usage,
        CliHelp::Commands,
        CliHelp::Arguments,
        CliHelp::Options,
        CliHelp::PrintHelpMore,
        CliHelp::PrintHelpSummary,
        CliHelp::PrintHelp,
        CliHelp::PrintVersion,
        CliHelp::HelpCommand,
        CliHelp::Default,
        CliHelp::PossibleValues,
    ];

    pub fn text(self, lang: Lang) -> &'static str {
        use CliHelp as H;
        match self {
            H::About => match lang {
                En => "Checks development-plan progress reports against the plan",
                Zh => "按规划检查规划实施情况的年度报告",
            },
            H::Plans => match lang {
                En => "Load a plan's catalog and rules from DIR (repeatable); the built-in plan is always loaded",
                Zh => "从 DIR 加载规划的目录和规则（可重复）；内置规划总会加载",
            },
            H::Config => match lang {
                En => "Configuration file (default: plan-lint.toml in the current directory or a parent)",
                Zh => "配置文件（默认：当前目录或上级目录中的 plan-lint.toml）",
            },
            H::Lang => match lang {
                En => "Language of messages and help: en or zh (default: from LC_ALL, LC_MESSAGES or LANG; a zh locale gives zh); codes never change",
                Zh => "消息和帮助的语言：en 或 zh（默认取自 LC_ALL、LC_MESSAGES 或 LANG，zh 区域设置为中文）；代码不随语言变化",
            },
            H::Check => match lang {
                En => "Lint reports (default: every *.yaml/*.yml under the data root)",
                Zh => "检查报告（默认：数据目录下所有 *.yaml/*.yml 文件）",
            },
            H::Explain => match lang {
                En => "What a rule checks, why, a failing example, the fix, and where the plan applies it",
                Zh => "说明规则检查什么、为什么、不通过的示例、如何改正，以及规划在何处应用它",
            },
            H::Rules => match lang {
                En => "Every rule entry: code, name, severity, selector, whether suppressible",
                Zh => "列出每条规则：代码、名称、级别、选择条件、是否可豁免",
            },
            H::Plan => match lang {
                En => "The plan catalog",
                Zh => "规划目录：指标、项目和部门",
            },
            H::Init => match lang {
                En => "Write a report skeleton for a department and period (to standard output, or to a new FILE)",
                Zh => "为某部门某年度生成报告框架（输出到标准输出，或写入新文件 FILE）",
            },
            H::Test => match lang {
                En => "Run rule fixture cases: directories with case.yaml, report files and the findings they must produce",
                Zh => "运行规则测试用例：目录中有 case.yaml、报告文件及其应产生的问题",
            },
            H::Status => match lang {
                En => "Where every target stands: values by year, target, evaluation category, projects, missing reports",
                Zh => "各项目标的进展：逐年数值、目标值、评价类别、重点项目、未报送的报告",
            },
            H::Schema => match lang {
                En => "Print a JSON Schema: report, plan, rules, config, output or status",
                Zh => "输出 JSON Schema：report、plan、rules、config、output 或 status",
            },
            H::CheckPaths => match lang {
                En => "Report files, directories or glob patterns; `-` reads one report from standard input",
                Zh => "报告文件、目录或通配模式；`-` 表示从标准输入读取一份报告",
            },
            H::CheckFormat => match lang {
                En => "human, json (one stable document), sarif (code scanning) or github (annotations); default: human, or github when GITHUB_ACTIONS=true",
                Zh => "human、json（一份稳定的文档）、sarif（代码扫描）或 github（注释）；默认 human，GITHUB_ACTIONS=true 时为 github",
            },
            H::CheckDataRoot => match lang {
                En => "Where history is read from (default: progress/, or the config file's data_root)",
                Zh => "历史数据的读取位置（默认：progress/，或配置文件中的 data_root）",
            },
            H::CheckStdinFilename => match lang {
                En => "The name of the report read from standard input",
                Zh => "从标准输入读取的报告的文件名",
            },
            H::CheckDenyWarnings => match lang {
                En => "Warnings fail the run",
                Zh => "有警告也视为不通过",
            },
            H::CheckToday => match lang {
                En => "The date rules treat as today (YYYY-MM-DD)",
                Zh => "规则视为“今天”的日期（YYYY-MM-DD）",
            },
            H::CheckTimings => match lang {
                En => "Time spent in each phase, on standard error",
                Zh => "在标准错误中输出各阶段的耗时",
            },
            H::CheckBase => match lang {
                En => "Pull-request mode: lint what changed since the merge-base of HEAD and REV, and check history integrity",
                Zh => "拉取请求模式：检查自 HEAD 与 REV 的合并基点以来修改的内容，并检查历史完整性",
            },
            H::CheckNoBase => match lang {
                En => "Do not compare the record with the merge-base of the branch `base` in plan-lint.toml names",
                Zh => "不与 plan-lint.toml 中 `base` 所指分支的合并基点比较记录",
            },
            H::Decisions => match lang {
                En => "The plan office's decisions register (default: decisions/ at the repository root, or `decisions` in plan-lint.toml); with --base it is read at the merge-base",
                Zh => "规划主管部门的决定登记簿（默认：仓库根目录的 decisions/，或 plan-lint.toml 中的 `decisions`）；与 --base 同用时按合并基点读取",
            },
            H::Codeowners => match lang {
                En => "Print a CODEOWNERS file for the data repository: the plan office owns everything (the decisions register and the configuration included), each department only its own reports",
                Zh => "输出数据仓库的 CODEOWNERS 文件：规划主管部门负责全部内容（包括决定登记簿和配置），各部门只负责自己的报告",
            },
            H::Server => match lang {
                En => "Run the language server over standard input and output, for an editor: diagnostics as you type, hover, completion and quick fixes (docs/editors.md)",
                Zh => "通过标准输入输出运行语言服务器，供编辑器使用：边写边检查、悬停提示、自动补全和快速修复（见 docs/editors.md）",
            },
            H::CodeownersOffice => match lang {
                En => "The plan office's team or user, e.g. @nanming-drc/plan-office",
                Zh => "规划主管部门的团队或用户，如 @nanming-drc/plan-office",
            },
            H::CodeownersTeams => match lang {
                En => "Each department's team, with {code} for its code (default: @<the office's organisation>/{code})",
                Zh => "各部门的团队，{code} 代表部门代码（默认：@<主管部门所在组织>/{code}）",
            },
            H::DecisionsDraft => match lang {
                En => "Draft the register entries the accepted reports' own approvals, revisions and requirements imply (migration from contract version 1), or with --base the revisions a pull request needs, for the plan office to review and merge",
                Zh => "根据已接受报告中自带的批准、修订和要求，起草决定登记条目（从合同第1版迁移），或使用 --base 起草拉取请求所需的修订决定，供规划主管部门审核后合并",
            },
            H::DecisionsDraftBase => match lang {
                En => "Draft the revision decisions the pull request from the merge-base of HEAD and REV needs: for each accepted report it changes, one decision whose entries hold the changed figures (reason and date left for the office to fill in)",
                Zh => "起草从 HEAD 与 REV 的合并基点起的拉取请求所需的修订决定：它修改的每份已接受报告各一项决定，条目写明改动后的数值（理由和日期留待规划主管部门填写）",
            },
            H::CheckFailOn => match lang {
                En => "With --base: fail on findings the change introduced (new), or on all",
                Zh => "与 --base 同用：只有本次修改引入的问题（new）或全部问题（all）导致不通过",
            },
            H::ExplainCode => match lang {
                En => "A rule code, e.g. PL201",
                Zh => "规则代码，如 PL201",
            },
            H::PlanFormat => match lang {
                En => "human or json",
                Zh => "human 或 json",
            },
            H::PlanId => match lang {
                En => "Which plan to show (default: the built-in plan)",
                Zh => "要显示的规划（默认：内置规划）",
            },
            H::PlanDepartment => match lang {
                En => "Only what this department is responsible for",
                Zh => "只显示该部门负责的指标和项目",
            },
            H::PlanColumn => match lang {
                En => "A 专栏 column, e.g. 专栏5-2",
                Zh => "只显示某个专栏，如 专栏5-2",
            },
            H::PlanAttribute => match lang {
                En => "binding or expected",
                Zh => "binding（约束性）或 expected（预期性）",
            },
            H::PlanVerify => match lang {
                En => "Prove a plan's catalog against the plan text it cites (PL6xx)",
                Zh => "用所引的规划文本逐条核对规划目录（PL6xx）",
            },
            H::PlanVerifyDirs => match lang {
                En => "Plan directories to verify (none: the built-in plan)",
                Zh => "要核对的规划目录（不写则核对内置规划）",
            },
            H::PlanVerifySeed => match lang {
                En => "The plan text (default: the seed plan.yaml names, in the plan directory or a seeds/ folder in it or above it)",
                Zh => "规划文本（默认：plan.yaml 中 seed 指定的文件，在规划目录中或其所在及上级目录的 seeds/ 文件夹中查找）",
            },
            H::PlanDraft => match lang {
                En => "Draft a plan directory from plan text, every reading marked for review (PL606)",
                Zh => "根据规划文本起草规划目录，每处解读都标记为待复核（PL606）",
            },
            H::PlanDraftSeed => match lang {
                En => "The plan text: one paragraph per line, tables as `cell | cell` lines",
                Zh => "规划文本：每段一行，表格写成 `单元格 | 单元格` 的行",
            },
            H::PlanDraftId => match lang {
                En => "The new plan's id (lowercase letters, digits and '-')",
                Zh => "新规划的 id（小写字母、数字和“-”）",
            },
            H::PlanDraftOutput => match lang {
                En => "The plan directory to write; it must not exist or be empty, unless --force (never in the data root)",
                Zh => "要写入的规划目录；该目录必须不存在或为空，除非加 --force（不会写入数据目录）",
            },
            H::PlanVerifyFormat => match lang {
                En => "human, json, sarif or github",
                Zh => "human、json、sarif 或 github",
            },
            H::InitDepartment => match lang {
                En => "The department's code (`plan-lint plan` lists them)",
                Zh => "部门代码（`plan-lint plan` 可列出）",
            },
            H::InitPeriod => match lang {
                En => "The reporting year",
                Zh => "报告年度",
            },
            H::InitFormat => match lang {
                En => "yaml: the report skeleton; xlsx: a fill-in workbook for Excel or WPS (needs -o FILE.xlsx)",
                Zh => "yaml：报告模板；xlsx：用 Excel 或 WPS 填写的填报表（须用 -o 文件名.xlsx 指定文件）",
            },
            H::Convert => match lang {
                En => "Convert a filled workbook (.xlsx) to its YAML report, or a YAML report to a workbook",
                Zh => "把填好的工作簿（.xlsx）转换为 YAML 报告，或把 YAML 报告转换为工作簿",
            },
            H::ConvertFile => match lang {
                En => "The workbook (.xlsx) or the YAML report (.yaml) to convert",
                Zh => "要转换的工作簿（.xlsx）或 YAML 报告（.yaml）",
            },
            H::ConvertOutput => match lang {
                En => "Write to FILE (a workbook needs it; a YAML report goes to standard output without it); an existing file is never overwritten",
                Zh => "写入 FILE（转换为工作簿时必须指定；转换为 YAML 时不指定则输出到标准输出）；不会覆盖已有的文件",
            },
            H::InitOutput => match lang {
                En => "Write to FILE: under the data root only the place of this department's report for the period, never over a report; elsewhere an existing file only with --force",
                Zh => "写入 FILE：在数据目录中只能写到该部门该年度报告的位置，且从不覆盖报告；在其他位置，只有加 --force 才会覆盖已有文件",
            },
            H::InitDataRoot => match lang {
                En => "Where last year's figures are read from (default: progress/, or the config's data_root)",
                Zh => "上一年度数据的读取位置（默认：progress/，或配置中的 data_root）",
            },
            H::InitPlanId => match lang {
                En => "The plan the report is for (default: the loaded plan whose period holds --period)",
                Zh => "报告所属的规划（默认：规划期包含 --period 的已加载规划）",
            },
            H::TestDir => match lang {
                En => "The directory holding the cases",
                Zh => "存放测试用例的目录",
            },
            H::StatusFormat => match lang {
                En => "md (Markdown tables; fits $GITHUB_STEP_SUMMARY), html (one self-contained page with a chart per indicator), json (plan-lint schema status), csv (one table for Excel/WPS, UTF-8 with BOM; --table) or xlsx (a workbook of every table; needs -o FILE)",
                Zh => "md（Markdown 表格，可写入 $GITHUB_STEP_SUMMARY）、html（自包含的单个网页，每个指标一张图）、json（见 plan-lint schema status）、csv（供 Excel/WPS 打开的一张表，UTF-8 带 BOM；见 --table）或 xlsx（含全部表格的工作簿；须用 -o FILE）",
            },
            H::StatusPeriod => match lang {
                En => "The year to report on, by the plan whose period holds it (default: each plan's latest period reported)",
                Zh => "报告哪一年，按规划期包含该年的规划（默认：各规划已填报的最近年度）",
            },
            H::StatusDataRoot => match lang {
                En => "Where the reports are read from (default: progress/, or the config file's data_root)",
                Zh => "报告的读取位置（默认：progress/，或配置文件中的 data_root）",
            },
            H::StatusPlanId => match lang {
                En => "The plan to report on (default: every plan with reports under the data root; md shows each in turn, the other formats the latest and name the others on standard error)",
                Zh => "要报告的规划（默认：数据目录中有报告的每个规划；md 依次列出，其他格式只列最新规划，并在标准错误中提示其他规划）",
            },
            H::StatusTable => match lang {
                En => "The table --format csv writes: indicators (default), projects, departments, missing or decisions",
                Zh => "--format csv 输出哪张表：indicators（默认，指标）、projects（项目）、departments（部门）、missing（未报送）或 decisions（决定）",
            },
            H::StatusDepartment => match lang {
                En => "One department's part, in every format: its indicators, projects, missing reports and decisions (its code, name or alias)",
                Zh => "只看某一部门的部分（各种格式均可）：其负责的指标、项目、未报送的报告和相关决定（部门代码、名称或简称）",
            },
            H::SchemaName => match lang {
                En => "report, plan, rules, config, output or status",
                Zh => "report、plan、rules、config、output 或 status",
            },
            H::Output => match lang {
                En => "Write to FILE instead of standard output: never in the data root, and an existing file only with --force",
                Zh => "写入文件 FILE，而不是标准输出：不会写入数据目录；只有加 --force 才会覆盖已有文件",
            },
            H::Force => match lang {
                En => "Replace the file -o names if it exists (outside the data root; init never replaces a report)",
                Zh => "-o 指定的文件已存在时替换它（仅限数据目录之外；init 从不替换报告）",
            },
            H::Usage => match lang {
                En => "Usage: ",
                Zh => "用法：",
            },
            H::Commands => match lang {
                En => "Commands:",
                Zh => "命令：",
            },
            H::Arguments => match lang {
                En => "Arguments:",
                Zh => "参数：",
            },
            H::Options => match lang {
                En => "Options:",
                Zh => "选项：",
            },
            H::PrintHelpMore => match lang {
                En => "Print help (see more with '--help')",
                Zh => "显示帮助（--help 显示更多）",
            },
            H::PrintHelpSummary => match lang {
                En => "Print help (see a summary with '-h')",
                Zh => "显示帮助（-h 显示摘要）",
            },
            H::PrintHelp => match lang {
                En => "Print help",
                Zh => "显示帮助",
            },
            H::PrintVersion => match lang {
                En => "Print version",
                Zh => "显示版本",
            },
            H::HelpCommand => match lang {
                En => "Print this message or the help of the given subcommand(s)",
                Zh => "显示本说明，或指定子命令的说明",
            },
            H::Default => match lang {
                En => "[default: ",
                Zh => "[默认：",
            },
            H::PossibleValues => match lang {
                En => "[possible values: ",
                Zh => "[可选值：",
            },
        }
    }
}

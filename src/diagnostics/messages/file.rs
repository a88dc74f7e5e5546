//! PL001: a file that cannot be read, decoded or loaded as YAML.

use super::{t, Lang, Texts};
use crate::syntax::yaml::{LoadErrorKind, SyntaxHint};
use Lang::{En, Zh};

/// The YAML parser's message in Chinese: every message a report can meet
/// in words of its own, the rest (directives, tags, escapes) by what they
/// are about — never the parser's English under zh.
pub(super) fn parser_zh(info: &str) -> String {
    // The parser's message may end with its position ("… at line 3 column 5").
    let core = info.split(" at line ").next().unwrap_or(info).trim();
    let zh = match core {
        "mapping values are not allowed in this context" => {
            "这里不能出现“字段: 值”：通常是上一行少了引号，或冒号后少了空格，或缩进不对"
        }
        "did not find expected key"
        | "while parsing a block mapping, did not find expected key" => {
            "这一行的缩进与上面的字段不对齐，或少写了“字段:”"
        }
        "block sequence entries are not allowed in this context" => {
            "这里不能出现列表项“- ”：请检查缩进"
        }
        "while parsing a block collection, did not find expected '-' indicator" => {
            "列表中的这一行缺少“- ”，或缩进不对"
        }
        "invalid indentation" | "invalid indentation in flow construct" => "缩进不正确",
        "tab cannot be used as indentation"
        | "tabs disallowed in this context"
        | "tabs disallowed within this context (block indentation)"
        | "while scanning a plain scalar, found a tab"
        | "a block scalar content cannot start with a tab" => "这里用了制表符（Tab）",
        "':' must be followed by a valid YAML whitespace" => "冒号“:”后面必须是空格",
        "'-' must be followed by a valid YAML whitespace" => "列表项的“-”后面必须是空格",
        "while parsing a flow mapping, did not find expected ',' or '}'" => {
            "花括号 { } 中缺少逗号或右花括号"
        }
        "while parsing a flow sequence, expected ',' or ']'" => "方括号 [ ] 中缺少逗号或右方括号",
        "while scanning a quoted scalar, found unexpected end of stream" => {
            "引号没有闭合：文件结束前缺少配对的引号"
        }
        "invalid trailing content after double-quoted scalar" => "双引号后面还有多余的内容",
        "while parsing a node, did not find expected node content" => "这里缺少值",
        "simple key expect ':'" | "simple key expected" => "字段名后缺少冒号“:”",
        "unexpected eof" | "unexpected end of plain scalar" => "文件意外结束",
        "illegal placement of ':' indicator" => "冒号“:”的位置不对",
        "mapping keys are not allowed in this context" => "这里不能出现字段名",
        "while parsing anchor, found duplicated anchor" => "锚点名称重复",
        "while parsing node, found unknown anchor" => "引用了不存在的锚点",
        "recursion limit exceeded" => "嵌套层次过深",
        "expected whitespace" => "这里缺少空格",
        "wrongly indented line in block scalar" => "多行文本（| 或 >）中有一行缩进不对",
        c if c.starts_with("unexpected character") => "这里有无法识别的字符",
        c if c.contains("quoted scalar") => "引号中的内容写法不对（转义字符或缩进）",
        c if c.contains("block scalar") => "多行文本（| 或 >）的写法不对",
        c if c.contains("directive") || c.contains("TAG") => "YAML 指令（以 % 开头的行）写法不对",
        c if c.contains("tag") || c.contains("handle") => "标签（以 ! 开头）写法不对",
        c if c.contains("anchor") || c.contains("alias") => "锚点或别名（& 或 *）写法不对",
        c if c.contains("document") => "文档分隔标记（--- 或 ...）的位置不对",
        c if c.contains("plain scalar") => "这个值的写法不对：以“-”开头的文本请加引号",
        _ => "此处的写法无法解析",
    };
    zh.to_string()
}

/// The message and help of a syntax error whose cause the lines around it
/// show ([`SyntaxHint`]); `None` for the others.
fn hinted(hint: &SyntaxHint, lang: Lang) -> Option<(String, String)> {
    Some(match (hint, lang) {
        (SyntaxHint::MissingColon { key, value }, En) => (
            format!("\"{key}\" has no colon after it"),
            format!("write a colon and a space after the field name: `{key}: {value}`"),
        ),
        (SyntaxHint::MissingColon { key, value }, Zh) => (
            format!("字段名“{key}”后面缺少冒号“:”"),
            format!("请在字段名后写英文冒号和一个空格：`{key}: {value}`"),
        ),
        (SyntaxHint::FullWidthColon { key, value }, En) => (
            format!("the colon after \"{key}\" is the full-width '：' of a Chinese input method"),
            format!("type the ASCII colon ':' and a space instead (switch the input method to English punctuation): `{key}: {value}`"),
        ),
        (SyntaxHint::FullWidthColon { key, value }, Zh) => (
            format!("“{key}”后面的冒号是中文全角冒号“：”"),
            format!("请改为英文半角冒号“:”，并在后面加一个空格（把输入法切换为英文标点）：`{key}: {value}`"),
        ),
        (SyntaxHint::NoSpaceAfterColon { key, value }, En) => (
            format!("no space after the colon of \"{key}\""),
            format!("write a space after the colon: `{key}: {value}`"),
        ),
        (SyntaxHint::NoSpaceAfterColon { key, value }, Zh) => (
            format!("“{key}”的冒号后面缺少空格"),
            format!("请在冒号后加一个空格：`{key}: {value}`"),
        ),
        (SyntaxHint::Indent { found, expected, line, key }, En) => (
            format!("this line is indented by {found} spaces, which aligns it with no field above"),
            format!("indent it by {expected} spaces, to align with \"{key}\" on line {line}"),
        ),
        (SyntaxHint::Indent { found, expected, line, key }, Zh) => (
            format!("这一行缩进了 {found} 个空格，与上面的字段都不对齐"),
            format!("请缩进 {expected} 个空格，与第 {line} 行的“{key}”对齐"),
        ),
        _ => return None,
    })
}

/// The YAML loader's errors; every one is labelled "here".
pub(super) fn load_texts(k: &LoadErrorKind, lang: Lang) -> Texts {
    let (message, help) = match k {
        LoadErrorKind::Syntax { info, hint } => {
            let help = match (hint, lang) {
                (SyntaxHint::Tab, En) => "YAML indents and separates with spaces, never tabs: replace the tab here with spaces (and set your editor to insert spaces for Tab)",
                (SyntaxHint::Tab, Zh) => "YAML 用空格缩进和分隔，不能用制表符（Tab）：请把此处的制表符换成空格（并把编辑器设置为按 Tab 键插入空格）",
                (SyntaxHint::UnknownAnchor, En) => "define the anchor (`&name`) before using it (`*name`), or write the value out",
                (SyntaxHint::UnknownAnchor, Zh) => "先定义锚点（`&name`）再引用（`*name`），或直接写出该值",
                (SyntaxHint::Other, En) => "fix the YAML syntax at this place; a YAML linter or an editor with YAML support shows the structure",
                (SyntaxHint::Other, Zh) => "请修正此处的 YAML 语法；YAML 检查工具或支持 YAML 的编辑器能显示文档结构",
                (_, En) => "fix the YAML syntax at this place",
                (_, Zh) => "请修正此处的 YAML 语法",
            };
            match (lang, hinted(hint, lang)) {
                (_, Some((message, help))) => (message, help),
                (En, None) => (format!("invalid YAML: {info}"), help.to_string()),
                (Zh, None) => (format!("YAML 语法错误：{}", parser_zh(info)), help.to_string()),
            }
        }
        LoadErrorKind::MultipleDocuments => match lang {
            En => (
                "more than one YAML document in one file".into(),
                "a report is one document: remove the `---` line and everything after it, or split it into separate files".into(),
            ),
            Zh => (
                "一个文件中有多个 YAML 文档".into(),
                "一份报告只有一个文档：请删除 `---` 行及其后的全部内容，或拆分为多个文件".into(),
            ),
        },
        LoadErrorKind::UnknownAnchor => match lang {
            En => (
                "alias to an unknown anchor".into(),
                "define the anchor (`&name`) before using it (`*name`)".into(),
            ),
            Zh => (
                "别名引用了不存在的锚点".into(),
                "先定义锚点（`&name`）再引用（`*name`）".into(),
            ),
        },
        LoadErrorKind::IntegerTooLarge { text } => match lang {
            En => (
                format!("the integer {text} does not fit in 64 bits"),
                "check the figure for extra digits or a missing decimal point; if it is text (a document number), put it in quotes".into(),
            ),
            Zh => (
                format!("整数 {text} 超出 64 位范围"),
                "请检查数字是否多了位数或漏了小数点；如果它是文本（如文件编号），请加引号".into(),
            ),
        },
        LoadErrorKind::MergeKey => match lang {
            En => (
                "merge keys (`<<`) are not supported".into(),
                "write the entries out in full instead of merging them from an anchor; plan-lint reads YAML 1.2, which has no merge keys".into(),
            ),
            Zh => (
                "不支持合并写法（`<<`）".into(),
                "请把条目完整写出，不要从锚点合并；plan-lint 按 YAML 1.2 读取文件，YAML 1.2 没有这种写法".into(),
            ),
        },
        LoadErrorKind::DuplicateKey { key } => match lang {
            En => (
                format!("duplicate key \"{key}\""),
                format!("a key may appear once in a mapping: if the second \"{key}\" belongs under a field above it, indent it under that field; otherwise keep the right figure and correct or rename the other"),
            ),
            Zh => (
                format!("字段“{key}”重复"),
                format!("同一条目中一个字段只能出现一次：如果第二个“{key}”属于上面的某个字段，请把它缩进到该字段下面；否则请保留正确的数值，改正或改名另一个"),
            ),
        },
        LoadErrorKind::UnderIndented { key, parent, by } => match lang {
            En => (
                format!("\"{key}\" is given twice: the lines under \"{parent}:\" are not indented under it"),
                format!("indent the lines that belong to \"{parent}\" ({key} and the fields after it) by {by} more spaces than \"{parent}:\"; as written, \"{parent}\" is empty and its figure counts as the entry's own"),
            ),
            Zh => (
                format!("“{key}”出现了两次：“{parent}:”下面的几行没有缩进到它的下面"),
                format!("请把属于“{parent}”的各行（“{key}”及其后的字段）比“{parent}:”多缩进 {by} 个空格；按现在的写法，“{parent}”是空的，它的数值被当成了条目本身的"),
            ),
        },
        LoadErrorKind::AliasLimit { max_nodes } => match lang {
            En => (
                format!("aliases expand past the limit of {max_nodes} nodes"),
                "write the values out instead of repeating anchors (`&a`) through aliases (`*a`); a report never needs this many nodes".into(),
            ),
            Zh => (
                format!("别名展开后超过 {max_nodes} 个节点的上限"),
                "请直接写出各值，不要通过别名（`*a`）重复锚点（`&a`）；一份报告不会需要这么多节点".into(),
            ),
        },
        LoadErrorKind::TooDeep { max_depth } => match lang {
            En => (
                format!("nesting deeper than {max_depth} levels"),
                "a report nests at most four levels (report, list, entry, field): remove the extra brackets or indentation".into(),
            ),
            Zh => (
                format!("嵌套超过 {max_depth} 层"),
                "报告最多嵌套四层（报告、列表、条目、字段）：请删除多余的括号或缩进".into(),
            ),
        },
        LoadErrorKind::Tag { tag } => match lang {
            En => (
                format!("YAML tag \"{tag}\" is not allowed"),
                "remove the tag: reports hold plain values, and plan-lint never constructs objects from tags".into(),
            ),
            Zh => (
                format!("不允许使用 YAML 标签“{tag}”"),
                "请删除该标签：报告只含普通的值，plan-lint 不会根据标签构造对象".into(),
            ),
        },
        LoadErrorKind::ControlCharacter { ch } => match lang {
            En => (
                format!(
                    "the file contains {}, which YAML does not allow",
                    match ch {
                        '\0' => "a NUL byte (U+0000)".to_string(),
                        c => format!("the control character U+{:04X}", *c as u32),
                    }
                ),
                "remove the character: a report is plain text. NUL bytes usually mean the file was saved as UTF-16 or damaged; save it again as UTF-8 text".into(),
            ),
            Zh => (
                format!(
                    "文件含有 YAML 不允许的{}",
                    match ch {
                        '\0' => "空字节（U+0000）".to_string(),
                        c => format!("控制字符 U+{:04X}", *c as u32),
                    }
                ),
                "请删除该字符：报告是纯文本。出现空字节通常说明文件被存成了 UTF-16 或已损坏，请重新存为 UTF-8 文本".into(),
            ),
        },
        LoadErrorKind::Unbalanced => match lang {
            En => (
                "unbalanced YAML structure".into(),
                "check the indentation and the brackets around this place".into(),
            ),
            Zh => (
                "YAML 结构不完整".into(),
                "请检查此处附近的缩进和括号".into(),
            ),
        },
    };
    let label = match lang {
        En => "here",
        Zh => "此处",
    };
    t(message, help, label)
}

/// A text encoding that is not UTF-8, recognised by its byte order mark or pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf32,
    Utf16,
    Utf16NoBom,
}

/// PL001 about reading and decoding a file.
#[derive(Clone, Debug, PartialEq)]
pub enum FileMsg {
    IsDirectory,
    NotRegularFile,
    TooLarge {
        size: u64,
        max: u64,
    },
    /// More than `max` bytes came through a read (the size was not known before).
    TooLargeRead {
        max: u64,
    },
    DanglingLink,
    /// The file changed (or went) between loading it and showing a finding in it.
    ChangedWhileChecked,
    CannotRead {
        error: super::OsError,
    },
    LeavesRoot,
    WrongEncoding {
        encoding: Encoding,
    },
    /// Not UTF-8: `byte` is the first byte that is not, `gbk` whether the file reads as GBK.
    InvalidUtf8 {
        byte: u8,
        gbk: bool,
    },
    /// A workbook (`check FILE.xlsx`) that is not read.
    Workbook {
        problem: WorkbookProblem,
    },
}

/// Why a workbook is not read (issue 33): each one a finding, never a run out of memory.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkbookProblem {
    /// Not an xlsx archive (or a damaged one).
    NotAWorkbook,
    TooManyEntries {
        max: usize,
    },
    TooLargeUnpacked {
        max: u64,
    },
    TooManyCells {
        max: usize,
    },
    /// A used cell past the rows or columns read.
    CellTooFar {
        sheet: String,
        cell: String,
        rows: u32,
        columns: u32,
    },
    /// The workbook holds macros (never run).
    Macros,
    /// The workbook links to other workbooks.
    ExternalLinks,
}

impl WorkbookProblem {
    fn texts(&self, lang: Lang) -> Texts {
        const SAVE_EN: &str = "open it in Excel or WPS and save it as an Excel workbook (.xlsx), or make a new one with `plan-lint init --format xlsx`";
        const SAVE_ZH: &str = "请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）；或用 `plan-lint init --format xlsx` 重新生成填报表";
        match (self, lang) {
            (WorkbookProblem::NotAWorkbook, En) => t(
                "the file is not an Excel workbook (.xlsx) that plan-lint can read",
                SAVE_EN,
                "",
            ),
            (WorkbookProblem::NotAWorkbook, Zh) => t(
                "此文件不是 plan-lint 能读取的 Excel 工作簿（.xlsx）",
                SAVE_ZH,
                "",
            ),
            (WorkbookProblem::TooManyEntries { max }, En) => t(
                format!("the workbook holds more than {max} parts"),
                SAVE_EN,
                "",
            ),
            (WorkbookProblem::TooManyEntries { max }, Zh) => t(
                format!("工作簿内部文件超过 {max} 个"),
                SAVE_ZH,
                "",
            ),
            (WorkbookProblem::TooLargeUnpacked { max }, En) => t(
                format!("the workbook unpacks to more than {max} bytes, far more than a report"),
                "check that this is the report's workbook; copy its sheets 指标 and 项目 into a workbook made by `plan-lint init --format xlsx`",
                "",
            ),
            (WorkbookProblem::TooLargeUnpacked { max }, Zh) => t(
                format!("工作簿解压后超过 {max} 字节，远大于一份报告"),
                "请确认是否选对了填报表；可把“指标”“项目”两张表的内容复制到 `plan-lint init --format xlsx` 生成的填报表中",
                "",
            ),
            (WorkbookProblem::TooManyCells { max }, En) => t(
                format!("a sheet of the workbook holds more than {max} filled cells, far more than a report"),
                "delete what is not the report, or copy the report's rows into a workbook made by `plan-lint init --format xlsx`",
                "",
            ),
            (WorkbookProblem::TooManyCells { max }, Zh) => t(
                format!("工作簿中有一张表填了超过 {max} 个单元格，远多于一份报告"),
                "请删除与报告无关的内容，或把报告各行复制到 `plan-lint init --format xlsx` 生成的填报表中",
                "",
            ),
            (
                WorkbookProblem::CellTooFar {
                    sheet,
                    cell,
                    rows,
                    columns,
                },
                En,
            ) => t(
                format!("cell {sheet}!{cell} is filled, beyond the {rows} rows and {columns} columns plan-lint reads"),
                format!("clear cell {sheet}!{cell} (select it, press Delete) and save"),
                "",
            ),
            (
                WorkbookProblem::CellTooFar {
                    sheet,
                    cell,
                    rows,
                    columns,
                },
                Zh,
            ) => t(
                format!("单元格 {sheet}!{cell} 有内容，超出 plan-lint 读取的 {rows} 行、{columns} 列范围"),
                format!("请清除单元格 {sheet}!{cell}（选中后按 Delete 键）并保存"),
                "",
            ),
            (WorkbookProblem::Macros, En) => t(
                "the workbook holds macros; plan-lint never runs them and does not read such a workbook",
                "save it as an Excel workbook without macros (.xlsx), not .xlsm",
                "",
            ),
            (WorkbookProblem::Macros, Zh) => t(
                "工作簿含有宏；plan-lint 不运行宏，也不读取含宏的工作簿",
                "请另存为不含宏的 Excel 工作簿（.xlsx），不要保存为 .xlsm",
                "",
            ),
            (WorkbookProblem::ExternalLinks, En) => t(
                "the workbook links to other workbooks; a report's figures must be its own",
                "in Excel: Data → Edit Links → Break Link (WPS: 数据 → 编辑链接 → 断开链接), then save",
                "",
            ),
            (WorkbookProblem::ExternalLinks, Zh) => t(
                "工作簿链接了其他工作簿；报告中的数字必须是本表自己的",
                "请在 Excel 中点“数据 → 编辑链接 → 断开链接”（WPS 同），再保存",
                "",
            ),
        }
    }
}

impl FileMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        const TOO_LARGE_EN: &str = "a report is a few kilobytes: check that this is the right file, or raise max_file_size in plan-lint.toml";
        const TOO_LARGE_ZH: &str =
            "一份报告通常只有几 KB：请确认文件是否选对，或在 plan-lint.toml 中调高 max_file_size";
        match self {
            FileMsg::IsDirectory => match lang {
                En => t(
                    "this path is a directory, not a report file",
                    "rename the directory so it does not end in .yaml or .yml, or name the files inside it",
                    "",
                ),
                Zh => t(
                    "此路径是目录，不是报告文件",
                    "请给目录改名，使其不以 .yaml 或 .yml 结尾；或改为指定目录中的文件",
                    "",
                ),
            },
            FileMsg::NotRegularFile => match lang {
                En => t(
                    "this path is not a regular file (a device, pipe or socket), so it is not read",
                    "name a report file; plan-lint reads only regular files",
                    "",
                ),
                Zh => t(
                    "此路径不是普通文件（而是设备、管道或套接字），不予读取",
                    "请指定报告文件；plan-lint 只读取普通文件",
                    "",
                ),
            },
            FileMsg::TooLarge { size, max } => match lang {
                En => t(
                    format!("the file is {size} bytes, over the limit of {max} bytes"),
                    TOO_LARGE_EN,
                    "",
                ),
                Zh => t(
                    format!("文件大小为 {size} 字节，超过 {max} 字节的上限"),
                    TOO_LARGE_ZH,
                    "",
                ),
            },
            FileMsg::TooLargeRead { max } => match lang {
                En => t(
                    format!("the file is more than {max} bytes, over the limit"),
                    TOO_LARGE_EN,
                    "",
                ),
                Zh => {
                    t(format!("文件超过 {max} 字节的上限"), TOO_LARGE_ZH, "")
                }
            },
            FileMsg::DanglingLink => match lang {
                En => t(
                    "this path is a symbolic link to a file that does not exist",
                    "point the link at an existing report, or remove it",
                    "",
                ),
                Zh => t(
                    "此路径是符号链接，但它指向的文件不存在",
                    "请让链接指向现有的报告，或删除该链接",
                    "",
                ),
            },
            FileMsg::CannotRead { error } => match lang {
                En => t(
                    format!("cannot read the file: {}", error.text(lang)),
                    "check that the file exists and is readable by the user running plan-lint",
                    "",
                ),
                Zh => t(
                    format!("无法读取文件：{}", error.text(lang)),
                    "请确认文件存在，且运行 plan-lint 的用户有权读取",
                    "",
                ),
            },
            FileMsg::ChangedWhileChecked => match lang {
                En => t(
                    "this file changed while plan-lint was checking it; its findings refer to the text as it was read",
                    "run the check again once the file is saved",
                    "",
                ),
                Zh => t(
                    "plan-lint 检查期间此文件发生了变化；检查结果对应的是读取时的内容",
                    "请在文件保存后重新运行检查",
                    "",
                ),
            },
            FileMsg::LeavesRoot => match lang {
                En => t(
                    "this path is a symbolic link leading out of the data root; plan-lint does not follow it",
                    "copy the report into the data root instead of linking to it, or remove the link; a draft outside the data root can be named on the command line",
                    "",
                ),
                Zh => t(
                    "此路径是指向数据目录之外的符号链接，plan-lint 不会跟随",
                    "请把报告复制到数据目录中而不是链接过去，或删除该链接；数据目录之外的草稿可以直接在命令行上指定",
                    "",
                ),
            },
            FileMsg::WrongEncoding { encoding } => match lang {
                En => t(
                    format!(
                        "the file is {}, not UTF-8",
                        match encoding {
                            Encoding::Utf32 => "UTF-32",
                            Encoding::Utf16 => "UTF-16",
                            Encoding::Utf16NoBom => "UTF-16 (without a byte order mark)",
                        }
                    ),
                    "save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)",
                    "not UTF-8",
                ),
                Zh => t(
                    format!(
                        "文件编码是 {}，不是 UTF-8",
                        match encoding {
                            Encoding::Utf32 => "UTF-32",
                            Encoding::Utf16 => "UTF-16",
                            Encoding::Utf16NoBom => "UTF-16（无字节顺序标记）",
                        }
                    ),
                    "请将文件另存为 UTF-8 编码（记事本：另存为 → 编码：UTF-8）",
                    "不是 UTF-8",
                ),
            },
            FileMsg::Workbook { problem } => problem.texts(lang),
            FileMsg::InvalidUtf8 { byte, gbk } => match lang {
                En => t(
                    "the file is not valid UTF-8",
                    if *gbk {
                        "the file looks like GBK/GB18030, as Windows editors save Chinese text: save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)".to_string()
                    } else {
                        format!("the byte 0x{byte:02X} here is not UTF-8: save the file as UTF-8 (in your editor: Save as → Encoding: UTF-8)")
                    },
                    "not UTF-8",
                ),
                Zh => t(
                    "文件不是有效的 UTF-8 编码",
                    if *gbk {
                        "文件似乎是 GBK/GB18030 编码（Windows 编辑器保存中文时常用）：请另存为 UTF-8（记事本：另存为 → 编码：UTF-8）".to_string()
                    } else {
                        format!("此处的字节 0x{byte:02X} 不是 UTF-8：请将文件另存为 UTF-8（在编辑器中：另存为 → 编码：UTF-8）")
                    },
                    "不是 UTF-8",
                ),
            },
        }
    }
}

//! PL002: a document that does not match its schema (PL005 for plan-lint.toml).

use super::{list, t, Lang, Texts};
use crate::model::document::Kind;
use Lang::{En, Zh};

/// How a value found in a document reads in a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// A string, cut at 40 characters.
    Str(String),
    /// A number as written.
    Number(String),
    Null,
    Bool(bool),
    List,
    Mapping,
}

impl Shown {
    fn text(&self, lang: Lang) -> String {
        match self {
            Shown::Str(s) => match lang {
                En => format!("the string \"{s}\""),
                Zh => format!("文字“{s}”"),
            },
            Shown::Number(n) => n.clone(),
            Shown::Null => match lang {
                En => "empty".into(),
                Zh => "空值".into(),
            },
            Shown::Bool(b) => b.to_string(),
            Shown::List => match lang {
                En => "a list".into(),
                Zh => "列表".into(),
            },
            Shown::Mapping => match lang {
                En => "a mapping".into(),
                Zh => "若干字段（`字段: 值`）".into(),
            },
        }
    }
}

/// A JSON Schema type as a clerk reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonType {
    Mapping,
    List,
    String,
    Number,
    Integer,
    Boolean,
    Null,
    Other(String),
}

impl JsonType {
    pub fn from_schema(t: &str) -> JsonType {
        match t {
            "object" => JsonType::Mapping,
            "array" => JsonType::List,
            "string" => JsonType::String,
            "number" => JsonType::Number,
            "integer" => JsonType::Integer,
            "boolean" => JsonType::Boolean,
            "null" => JsonType::Null,
            other => JsonType::Other(other.to_string()),
        }
    }
    fn text(&self, lang: Lang) -> String {
        match self {
            JsonType::Mapping => match lang {
                En => "a mapping".into(),
                Zh => "若干字段（每行 `字段: 值`）".into(),
            },
            JsonType::List => match lang {
                En => "a list".into(),
                Zh => "列表".into(),
            },
            JsonType::String => match lang {
                En => "a string".into(),
                Zh => "文本".into(),
            },
            JsonType::Number => match lang {
                En => "a number".into(),
                Zh => "数字".into(),
            },
            JsonType::Integer => match lang {
                En => "an integer".into(),
                Zh => "整数".into(),
            },
            JsonType::Boolean => match lang {
                En => "true or false".into(),
                Zh => "true 或 false".into(),
            },
            JsonType::Null => match lang {
                En => "empty (null)".into(),
                Zh => "空值（null）".into(),
            },
            JsonType::Other(o) => o.clone(),
        }
    }
}

/// What a value should have been.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// One of these types.
    Types(Vec<JsonType>),
    /// A date, written YYYY-MM-DD.
    Date,
}

impl Expected {
    /// Whether a number would do.
    pub fn numeric(&self) -> bool {
        matches!(self, Expected::Types(ts) if ts.iter().any(|t| matches!(t, JsonType::Number | JsonType::Integer)))
    }
    pub fn has(&self, t: &JsonType) -> bool {
        matches!(self, Expected::Types(ts) if ts.contains(t))
    }
    pub fn is(&self, t: JsonType) -> bool {
        matches!(self, Expected::Types(ts) if ts == &[t])
    }
    fn text(&self, lang: Lang) -> String {
        match self {
            Expected::Date => match lang {
                En => "a date (YYYY-MM-DD)".into(),
                Zh => "日期（YYYY-MM-DD）".into(),
            },
            Expected::Types(ts) => {
                ts.iter()
                    .map(|t| t.text(lang))
                    .collect::<Vec<_>>()
                    .join(match lang {
                        En => " or ",
                        Zh => "或",
                    })
            }
        }
    }
}

/// The help of a wrong-type value.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeHelp {
    /// A number written as text: the number meant, and whether the text had
    /// a target's wording (以上, 以内).
    NumberInText {
        number: String,
        /// The other reading of an ambiguous text ("97,6": 97.6 or 976).
        other: Option<String>,
        target_wording: bool,
    },
    /// A number written in full-width (全角) digits: the same figure in ASCII digits.
    FullWidth {
        number: String,
    },
    /// A number written as text with no number in it.
    PlainNumber,
    /// A spreadsheet formula where a figure belongs (a workbook saved
    /// without calculating it: `check FILE.xlsx`).
    Formula,
    /// Words for "no figure yet" (暂无, 待公布, -) where the figure belongs.
    Pending,
    /// An empty value.
    Fill,
    /// A mapping was expected.
    Mapping,
    /// A list was expected.
    List,
    Takes,
}

/// Help for an unknown key.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyHint {
    /// The allowed key closest to the one written.
    DidYouMean(String),
    /// A misspelt list section of a report (`indicator:` for `indicators:`):
    /// none of its entries is read until it is renamed.
    Section(String),
    /// `<<`, a YAML 1.1 merge key.
    MergeKey,
    /// The keys the entry allows.
    OneOf(Vec<String>),
}

/// What the top level of a document that is not a mapping holds.
#[derive(Clone, Debug, PartialEq)]
pub enum TopLevel {
    Empty,
    OnlyComments,
    Null,
    Other(Shown),
}

/// PL002: the schema's verdicts. `field` is the last readable segment of the
/// node's path (`value`, `indicators[3]`); `context` where a nested entry is
/// (`indicators[2]`), for messages about one.
#[derive(Clone, Debug, PartialEq)]
pub enum SchemaMsg {
    UnknownKey {
        key: String,
        context: Option<String>,
        hint: KeyHint,
    },
    /// `description` is the schema's (English) description of the key.
    MissingKey {
        name: String,
        context: Option<String>,
        description: Option<String>,
    },
    NotFinite {
        field: String,
        written: String,
    },
    WrongType {
        field: String,
        expected: Expected,
        found: Shown,
        help: TypeHelp,
    },
    NotAllowed {
        field: String,
        found: Shown,
        options: Vec<String>,
        suggestion: Option<String>,
    },
    BelowMinimum {
        field: String,
        found: Shown,
        limit: String,
    },
    AboveMaximum {
        field: String,
        found: Shown,
        limit: String,
    },
    /// `pattern`: the pattern the value must match; none for a date.
    WrongForm {
        field: String,
        found: Shown,
        pattern: Option<String>,
        /// A date written in another form: what it reads as.
        date: Option<crate::syntax::suggest::DateReading>,
    },
    Empty {
        field: String,
    },
    ItemCount {
        field: String,
        limit: String,
    },
    ValueAndPending,
    NoValueOrPending,
    /// Any other violation, with the validator's own (English) description.
    Other {
        field: String,
        detail: String,
    },
    NotAMapping {
        document: Kind,
        found: TopLevel,
    },
    /// A date in the right form that does not exist (2023-02-30).
    ImpossibleDate {
        text: String,
    },
}

fn context(lang: Lang, c: &Option<String>) -> String {
    match (c, lang) {
        (None, _) => String::new(),
        (Some(c), En) => format!(" in {c}"),
        (Some(c), Zh) => format!("（位于{}）", context_zh(c)),
    }
}

/// A place in a report as a clerk names it: `indicators[0].pending` is
/// 第1个指标的 pending.
fn context_zh(c: &str) -> String {
    let mut out = String::new();
    for (i, seg) in c.split('.').enumerate() {
        if i > 0 {
            out.push('的');
        }
        match seg.split_once('[') {
            Some((list, rest)) => {
                let n: usize = rest.trim_end_matches(']').parse().unwrap_or(0);
                let noun = match list {
                    "indicators" => "指标",
                    "projects" => "项目",
                    "suppressions" => "豁免",
                    "decisions" => "决定",
                    "evidence" => "佐证材料",
                    "targets" => "对象",
                    other => other,
                };
                out.push_str(&format!("第{}个{noun}", n + 1));
            }
            None => out.push_str(seg),
        }
    }
    out
}

/// Chinese for the descriptions the schemas give their required keys; a
/// test proves every such description has one.
pub fn description_zh(en: &str) -> Option<&'static str> {
    Some(match en {
        "Format version; only 1 exists" => "报告格式版本，目前只有 1",
        "Plan id, e.g. nanming-14th-fyp" => "规划标识，如 nanming-14th-fyp",
        "Department code from the plan's registry" => "规划部门名录中的部门代码",
        "Reporting year" => "报告年度",
        "Submission date (YYYY-MM-DD)" => "报送日期（YYYY-MM-DD）",
        "The stable code this entry applies" => "该条目适用的规则代码",
        "Indicator id from the catalog, e.g. I14" => "目录中的指标编号，如 I14",
        "Project id from the catalog, e.g. P0901" => "目录中的项目编号，如 P0901",
        "Project status" => {
            "项目状态：planned、preparing、under_construction、completed、suspended 或 cancelled"
        }
        "Progress in percent, 0..100" => "形象进度，百分比 0..100",
        _ => return None,
    })
}

impl SchemaMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            SchemaMsg::UnknownKey { key, context: c, hint } => match lang {
                En => t(
                    format!("unknown key \"{key}\"{}", context(lang, c)),
                    match hint {
                        KeyHint::DidYouMean(s) => format!("did you mean \"{s}\"? rename the key"),
                        KeyHint::Section(s) => format!("did you mean \"{s}\"? rename the key: until then none of the entries under it is read, so nothing it lists counts as reported"),
                        KeyHint::MergeKey => "merge keys are not supported: write the entries out".into(),
                        KeyHint::OneOf(keys) => format!("remove the key, or use one of: {}", keys.join(", ")),
                    },
                    "not a key of this entry",
                ),
                Zh => t(
                    format!("未知的字段“{key}”{}", context(lang, c)),
                    match hint {
                        KeyHint::DidYouMean(s) => format!("是否想写“{s}”？请改正字段名"),
                        KeyHint::Section(s) => format!("是否想写“{s}”？请改正字段名：改正之前，其下的各条目都不会被读取，所列内容均不算已填报"),
                        KeyHint::MergeKey => "不支持合并写法（`<<`）：请把条目完整写出".into(),
                        KeyHint::OneOf(keys) => format!("请删除该字段，或改用以下字段之一：{}", list(lang, keys)),
                    },
                    "该条目没有这个字段",
                ),
            },
            SchemaMsg::MissingKey { name, context: c, description } => match lang {
                En => t(
                    format!("missing required key \"{name}\"{}", context(lang, c)),
                    match description {
                        Some(d) => {
                            let mut chars = d.chars();
                            let lowered: String = chars
                                .next()
                                .map(|c| c.to_lowercase().chain(chars).collect())
                                .unwrap_or_default();
                            format!("add \"{name}:\" with its value: {lowered}")
                        }
                        None => format!("add \"{name}:\" with its value"),
                    },
                    format!("\"{name}\" missing here"),
                ),
                Zh => t(
                    format!("缺少必填字段“{name}”{}", context(lang, c)),
                    match description.as_deref().and_then(description_zh) {
                        Some(d) => format!("请添加“{name}:”并填写其值：{d}"),
                        None => format!("请添加“{name}:”并填写其值"),
                    },
                    format!("此处缺少“{name}”"),
                ),
            },
            SchemaMsg::NotFinite { field, written } => match lang {
                En => t(
                    format!("\"{field}\" is {written}, not a finite number"),
                    "write the figure as a plain finite number; if it is not known yet, use `pending:` instead of `value:`",
                    "not a finite number",
                ),
                Zh => t(
                    format!("“{field}”为 {written}，不是有限的数"),
                    "请写成普通的有限数字；数据尚未公布的，用 `pending:` 代替 `value:`",
                    "不是有限的数",
                ),
            },
            SchemaMsg::WrongType { field, expected, found, help } => match lang {
                En => {
                    let e = expected.text(lang);
                    t(
                        if *found == Shown::Null {
                            format!("\"{field}\" is empty; it needs {e}")
                        } else {
                            format!("\"{field}\" must be {e}, found {}", found.text(lang))
                        },
                        match help {
                            TypeHelp::NumberInText { number, other: Some(other), .. } => format!(
                                "write the number without quotes, units or words; the comma does not group thousands, so check the source for which was meant: {number} (a decimal comma) or {other} (a stray comma)"
                            ),
                            TypeHelp::NumberInText { number, other: None, target_wording } => format!(
                                "write the number without quotes, units or words: {number}{}",
                                if *target_wording {
                                    " (the target's wording belongs to the plan, the report gives the figure)"
                                } else {
                                    ""
                                }
                            ),
                            TypeHelp::FullWidth { number } => format!("the digits are full-width (全角), which YAML reads as text: switch the input method to half-width (半角) and write {number}"),
                            TypeHelp::PlainNumber => format!("\"{field}\" takes {e}; write the figure as a plain number"),
                            TypeHelp::Formula => "this is a formula with no computed value (the workbook was saved without calculating it): open it in Excel or WPS, recalculate (F9) and save, or type the figure itself".to_string(),
                            TypeHelp::Pending => "if the figure is not published yet, replace `value:` with `pending:` giving `reason:` (why) and `expected_by:` (YYYY-MM-DD, when it will be); `plan-lint explain PL209`".to_string(),
                            TypeHelp::Fill => format!("fill in \"{field}\" with {e}"),
                            TypeHelp::Mapping => format!("write \"{field}\" as a mapping: `key: value` lines, indented under it (compare the example report in the README)"),
                            TypeHelp::List => format!("write \"{field}\" as a list: one `- ` item per line, indented under it"),
                            TypeHelp::Takes => format!("\"{field}\" takes {e}"),
                        },
                        format!("expected {e}"),
                    )
                }
                Zh => {
                    let e = expected.text(lang);
                    t(
                        if *found == Shown::Null {
                            format!("“{field}”为空，需要填写{e}")
                        } else {
                            format!("“{field}”应为{e}，实际为{}", found.text(lang))
                        },
                        match help {
                            TypeHelp::NumberInText { number, other: Some(other), .. } => format!(
                                "只写数字，不加引号、单位或文字；这里的逗号不是千位分隔符，请对照数据来源确认原意：{number}（逗号作小数点）或 {other}（多打了逗号）"
                            ),
                            TypeHelp::NumberInText { number, other: None, target_wording } => format!(
                                "只写数字，不加引号、单位或文字：{number}{}",
                                if *target_wording {
                                    "（“以上”“以内”是规划目标的表述，报告只填数值）"
                                } else {
                                    ""
                                }
                            ),
                            TypeHelp::FullWidth { number } => format!("这些数字是全角字符，会被当作文字：请把输入法切换到半角，写作 {number}"),
                            TypeHelp::PlainNumber => format!("“{field}”应填{e}：请写成普通的数字"),
                            TypeHelp::Formula => "这是一个没有计算结果的公式（工作簿保存时未计算）：请用 Excel 或 WPS 打开，重新计算（按 F9）后保存，或直接填写数字".to_string(),
                            TypeHelp::Pending => "如数据尚未公布，请把 `value:` 换成 `pending:`，并写明 `reason:`（原因）和 `expected_by:`（预计公布日期，YYYY-MM-DD）；参见 `plan-lint explain PL209`".to_string(),
                            TypeHelp::Fill => format!("请为“{field}”填写{e}"),
                            TypeHelp::Mapping => format!("请在“{field}”下面缩进，逐行写出 `字段: 值`（可参照 README 中的示例报告）"),
                            TypeHelp::List => format!("请把“{field}”写成列表：在它下面缩进，每行一个 `- ` 项"),
                            TypeHelp::Takes => format!("“{field}”应填{e}"),
                        },
                        format!("应为{e}"),
                    )
                }
            },
            SchemaMsg::NotAllowed { field, found, options, suggestion } => match lang {
                En => t(
                    format!("\"{field}\" is {}, which is not an allowed value", found.text(lang)),
                    match suggestion {
                        Some(s) => format!("did you mean \"{s}\"? allowed: {}", options.join(", ")),
                        None => format!("use one of: {}", options.join(", ")),
                    },
                    "not allowed",
                ),
                Zh => t(
                    format!("“{field}”为{}，不是允许的取值", found.text(lang)),
                    match suggestion {
                        Some(s) => format!("是否想写“{s}”？允许的取值：{}", list(lang, options)),
                        None => format!("请使用以下取值之一：{}", list(lang, options)),
                    },
                    "不允许的取值",
                ),
            },
            SchemaMsg::BelowMinimum { field, found, limit } => match lang {
                En => t(
                    format!("\"{field}\" is {}, below the minimum {limit}", found.text(lang)),
                    format!("\"{field}\" must be at least {limit}"),
                    "too small",
                ),
                Zh => t(
                    format!("“{field}”为{}，低于最小值 {limit}", found.text(lang)),
                    format!("“{field}”不能小于 {limit}"),
                    "过小",
                ),
            },
            SchemaMsg::AboveMaximum { field, found, limit } => match lang {
                En => t(
                    format!("\"{field}\" is {}, above the maximum {limit}", found.text(lang)),
                    format!("\"{field}\" must be at most {limit}"),
                    "too large",
                ),
                Zh => t(
                    format!("“{field}”为{}，高于最大值 {limit}", found.text(lang)),
                    format!("“{field}”不能大于 {limit}"),
                    "过大",
                ),
            },
            SchemaMsg::WrongForm { field, found, pattern, date } => {
                use crate::syntax::suggest::DateReading as D;
                match lang {
                    En => t(
                        format!("\"{field}\" is {}, which is not in the required form", found.text(lang)),
                        match (pattern, date) {
                            (Some(p), _) => format!("the value must match the pattern {p}"),
                            (None, Some(D::Day(d))) => format!("write the date as YYYY-MM-DD: {d}"),
                            (None, Some(D::Month(y, m))) => format!(
                                "a date needs its day: write {y}-{m:02}-DD, with the day (DD) the source gives"
                            ),
                            (None, None) => "write the date as YYYY-MM-DD, e.g. 2024-01-18".to_string(),
                        },
                        "wrong form",
                    ),
                    Zh => t(
                        format!("“{field}”为{}，格式不符合要求", found.text(lang)),
                        match (pattern, date) {
                            (Some(p), _) => format!("取值须符合模式 {p}"),
                            (None, Some(D::Day(d))) => format!("日期请写成 YYYY-MM-DD：{d}"),
                            (None, Some(D::Month(y, m))) => format!(
                                "日期须写到具体某一天：请按来源补上日，写成 {y}-{m:02}-DD（DD 为来源中的日）"
                            ),
                            (None, None) => "日期请写成 YYYY-MM-DD，例如 2024-01-18".to_string(),
                        },
                        "格式不对",
                    ),
                }
            }
            SchemaMsg::Empty { field } => match lang {
                En => t(
                    format!("\"{field}\" is empty"),
                    format!("write a non-empty \"{field}\""),
                    "empty",
                ),
                Zh => t(
                    format!("“{field}”为空"),
                    format!("请填写“{field}”，不能为空"),
                    "为空",
                ),
            },
            SchemaMsg::ItemCount { field, limit } => match lang {
                En => t(
                    format!("\"{field}\" has the wrong number of items"),
                    format!("\"{field}\" needs {limit} items here"),
                    "",
                ),
                Zh => t(
                    format!("“{field}”的项数不对"),
                    format!("此处“{field}”需要 {limit} 项"),
                    "",
                ),
            },
            SchemaMsg::ValueAndPending => match lang {
                En => t(
                    "an indicator has both \"value\" and \"pending\"",
                    "keep \"value\" when the figure is published, or \"pending\" when it is not, never both",
                    "remove one of the two",
                ),
                Zh => t(
                    "指标同时填写了“value”和“pending”",
                    "数据已公布时保留“value”，未公布时保留“pending”，二者不能同时出现",
                    "删除其中之一",
                ),
            },
            SchemaMsg::NoValueOrPending => match lang {
                En => t(
                    "an indicator needs \"value\" or \"pending\"",
                    "add \"value:\" with the figure for the period, or \"pending:\" with reason and expected_by if it is not yet published",
                    "no value here",
                ),
                Zh => t(
                    "指标需要填写“value”或“pending”",
                    "请添加“value:”填写本年度的数据；数据尚未公布的，添加“pending:”并写明 reason 和 expected_by",
                    "此处没有数值",
                ),
            },
            SchemaMsg::Other { field, detail } => match lang {
                En => t(
                    format!("\"{field}\" does not match the schema: {detail}"),
                    "compare this entry with `plan-lint schema` and the example in the README",
                    "here",
                ),
                Zh => t(
                    format!("“{field}”不符合模式：{detail}"),
                    "请对照 `plan-lint schema` 和 README 中的示例修改此条目",
                    "此处",
                ),
            },
            SchemaMsg::NotAMapping { document, found } => match lang {
                En => {
                    let (what, fields) = match document {
                        Kind::Report => ("a report", "version, plan, department, period and submitted"),
                        Kind::PlanHeader => ("a plan's plan.yaml", "the plan's id, name and period"),
                        Kind::Catalog => ("a plan catalog", "its indicators and projects"),
                        Kind::Rules => ("a rule file", "its rule entries"),
                        Kind::Config => ("plan-lint.toml", "its settings"),
                        Kind::Decisions => ("a decisions register file", "version and decisions"),
                    };
                    let start = match document {
                        Kind::Report => " (`plan-lint init --department D --period Y` writes one to start from)",
                        _ => "",
                    };
                    t(
                        match found {
                            TopLevel::Empty => "the file is empty".to_string(),
                            TopLevel::OnlyComments => "the file holds no YAML content, only comments".into(),
                            TopLevel::Null => "the file holds an empty value (null) at the top level, not a mapping".into(),
                            TopLevel::Other(s) => format!("the file holds {} at the top level, not a mapping", s.text(lang)),
                        },
                        format!("{what} is a mapping of keys to values, with {fields} at the top level{start}"),
                        "not a mapping",
                    )
                }
                Zh => {
                    let (what, fields) = match document {
                        Kind::Report => ("报告", "version、plan、department、period 和 submitted"),
                        Kind::PlanHeader => ("规划的 plan.yaml", "规划的 id、名称和规划期"),
                        Kind::Catalog => ("规划目录文件", "其指标和项目"),
                        Kind::Rules => ("规则文件", "其规则条目"),
                        Kind::Config => ("plan-lint.toml", "其各项设置"),
                        Kind::Decisions => ("决定登记文件", "version 和 decisions"),
                    };
                    let start = match document {
                        Kind::Report => "（可用 `plan-lint init --department D --period Y` 生成一份作为起点）",
                        _ => "",
                    };
                    t(
                        match found {
                            TopLevel::Empty => "文件是空的".to_string(),
                            TopLevel::OnlyComments => "文件只有注释，没有 YAML 内容".into(),
                            TopLevel::Null => "文件内容为空值（null），而不是逐行的 `字段: 值`".into(),
                            TopLevel::Other(s) => format!("文件顶层是{}，而不是逐行的 `字段: 值`", s.text(lang)),
                        },
                        format!("{what}由逐行的 `字段: 值` 组成，顶层为{fields}{start}"),
                        "不是 `字段: 值`",
                    )
                }
            },
            SchemaMsg::ImpossibleDate { text } => match lang {
                En => t(
                    format!("\"{text}\" is not a real date"),
                    "check the month and the day: write an existing date as YYYY-MM-DD",
                    "no such day",
                ),
                Zh => t(
                    format!("“{text}”不是真实存在的日期"),
                    "请核对月份和日期：写一个真实存在的日期，格式为 YYYY-MM-DD",
                    "没有这一天",
                ),
            },
        }
    }
}

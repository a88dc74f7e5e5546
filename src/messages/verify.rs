//! PL6xx: `plan-lint plan verify`, a plan's catalog proved against the plan
//! text (the seed) it cites. One help per code: what to do is the same for
//! every finding of the code; the message says what does not hold.

use super::{list, num, t, Lang, Texts};
use Lang::{En, Zh};

/// What a catalog entry quotes from the seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// plan.yaml's `name`.
    PlanName,
    /// An indicator's `sentence`.
    Sentence,
    /// A discrepancy's `text`.
    Discrepancy,
    /// A rule entry's `passage.text`.
    PassageText,
    /// A relative target's `reference`.
    Reference,
    /// An indicator's `target_text`.
    TargetText,
}

impl Fact {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Fact::PlanName, En) => "the plan's name",
            (Fact::PlanName, Zh) => "规划名称",
            (Fact::Sentence, En) => "the sentence",
            (Fact::Sentence, Zh) => "目标语句",
            (Fact::Discrepancy, En) => "the discrepancy text",
            (Fact::Discrepancy, Zh) => "出入记录的原文",
            (Fact::PassageText, En) => "the passage text",
            (Fact::PassageText, Zh) => "规则引用的原文",
            (Fact::Reference, En) => "the reference",
            (Fact::Reference, Zh) => "比较对象",
            (Fact::TargetText, En) => "the target text",
            (Fact::TargetText, Zh) => "目标原文",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum VerifyMsg {
    // PL601 citation-mismatch
    LineOutOfRange {
        line: usize,
        lines: usize,
    },
    PlanNameUncited,
    NotAtLine {
        what: Fact,
        text: String,
        line: usize,
    },
    NotInSentence {
        what: Fact,
        text: String,
        sentence: String,
    },
    PeriodNotStated {
        start: i32,
        end: i32,
    },
    /// A table cell that does not state the catalog's value (`have` None: the field is missing).
    Cell {
        field: String,
        have: Option<String>,
        column: String,
        cell: String,
        line: usize,
    },
    UnitNeedsNote {
        cell: String,
        unit: String,
    },
    NoSentence {
        passage: String,
    },
    FigureNotInSentence {
        target: f64,
        sentence: String,
    },
    NotComposed {
        name: String,
        line: usize,
    },
    ColumnOrdinal {
        ordinal: u32,
        column: String,
        /// The header the ordinal counts to: (line, label), or none past the last.
        found: Option<(usize, String)>,
        headers: usize,
    },
    ColumnNotNamed {
        line: usize,
        column: String,
        nearest: Option<(usize, String)>,
    },
    GroupCount {
        line: usize,
        count: usize,
        heading: String,
        places: usize,
    },
    GroupQualifier {
        line: usize,
        heading: String,
        ids: Vec<String>,
    },
    // PL602 table-row
    TableUnreadable {
        table: String,
        line: Option<usize>,
    },
    NoSuchRow {
        table: String,
        number: u32,
    },
    RowLine {
        table: String,
        number: u32,
        cited: usize,
        line: usize,
    },
    RowId {
        table: String,
        number: u32,
        expected: String,
    },
    NoColumn {
        table: String,
        column: String,
    },
    NoCategory {
        table: String,
        number: u32,
    },
    RowMissing {
        table: String,
        number: u32,
        line: usize,
    },
    RowTwice {
        table: String,
        number: u32,
        ids: Vec<String>,
    },
    // PL605 catalog-inconsistent
    BadPeriod {
        start: i32,
        end: i32,
        baseline_year: i32,
    },
    DepartmentCode {
        code: String,
    },
    DepartmentName {
        code: String,
    },
    NoDepartments,
    Approver {
        name: String,
    },
    EmptyName {
        id: String,
    },
    TargetYear {
        year: i32,
        start: i32,
        end: i32,
    },
    EmptyRange {
        lo: f64,
        hi: f64,
    },
    OutsideRange {
        field: String,
        value: f64,
        lo: Option<f64>,
        hi: Option<f64>,
    },
    RelativeKind {
        reference: String,
    },
    NoFigureNoReference,
    FigureAndReference {
        target: f64,
        reference: String,
    },
    NoPassageText {
        code: String,
    },
}

fn bound(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), num)
}

impl VerifyMsg {
    /// The code a finding of this kind carries.
    pub fn code(&self) -> &'static str {
        use VerifyMsg as V;
        match self {
            V::LineOutOfRange { .. }
            | V::PlanNameUncited
            | V::NotAtLine { .. }
            | V::NotInSentence { .. }
            | V::PeriodNotStated { .. }
            | V::Cell { .. }
            | V::UnitNeedsNote { .. }
            | V::NoSentence { .. }
            | V::FigureNotInSentence { .. }
            | V::NotComposed { .. }
            | V::ColumnOrdinal { .. }
            | V::ColumnNotNamed { .. }
            | V::GroupCount { .. }
            | V::GroupQualifier { .. } => "PL601",
            V::TableUnreadable { .. }
            | V::NoSuchRow { .. }
            | V::RowLine { .. }
            | V::RowId { .. }
            | V::NoColumn { .. }
            | V::NoCategory { .. }
            | V::RowMissing { .. }
            | V::RowTwice { .. } => "PL602",
            _ => "PL605",
        }
    }

    pub fn texts(&self, lang: Lang) -> Texts {
        let (help, label) = match (self.code(), lang) {
            ("PL601", En) => (
                "correct the entry to what the seed states at the cited line, or cite the line that states it",
                "not at the cited line",
            ),
            ("PL601", Zh) => (
                "请把条目改为规划文本在所引行写明的内容，或改引写明它的那一行",
                "与所引原文不符",
            ),
            ("PL602", En) => (
                "give every numbered row of a cited table one catalog entry, citing the row's own line and 序号",
                "table row",
            ),
            ("PL602", Zh) => (
                "所引表格的每个带序号的行在目录中应恰有一个条目，引用该行自己的行号和序号",
                "表格行",
            ),
            (_, En) => (
                "correct the entry: `plan-lint explain PL605` lists what a catalog must hold together",
                "inconsistent",
            ),
            (_, Zh) => (
                "请改正该条目：`plan-lint explain PL605` 列出了目录必须前后一致的各项",
                "前后矛盾",
            ),
        };
        let message = self.message(lang);
        t(message, help, label)
    }

    fn message(&self, lang: Lang) -> String {
        use VerifyMsg as V;
        match self {
            V::LineOutOfRange { line, lines } => match lang {
                En => format!("cites line {line}, but the seed has {lines} lines"),
                Zh => format!("引用第 {line} 行，但规划文本只有 {lines} 行"),
            },
            V::PlanNameUncited => match lang {
                En => "plan.yaml has no `source` citing the line of the plan's name".into(),
                Zh => "plan.yaml 没有 `source`，未引用规划名称所在的行".into(),
            },
            V::NotAtLine { what, text, line } => match lang {
                En => format!(
                    "line {line} of the seed does not contain {} \"{text}\"",
                    what.text(lang)
                ),
                Zh => format!("规划文本第 {line} 行不含{}“{text}”", what.text(lang)),
            },
            V::NotInSentence {
                what,
                text,
                sentence,
            } => match lang {
                En => format!(
                    "the sentence \"{sentence}\" does not contain {} \"{text}\"",
                    what.text(lang)
                ),
                Zh => format!("目标语句“{sentence}”不含{}“{text}”", what.text(lang)),
            },
            V::PeriodNotStated { start, end } => match lang {
                En => format!("the seed never states the period {start}—{end}"),
                Zh => format!("规划文本中没有写明规划期 {start}—{end}"),
            },
            V::Cell {
                field,
                have,
                column,
                cell,
                line,
            } => match (lang, have) {
                (En, Some(h)) => format!(
                    "`{field}` is \"{h}\", but the {column} cell of line {line} is \"{cell}\""
                ),
                (En, None) => format!(
                    "`{field}` is missing, but the {column} cell of line {line} is \"{cell}\""
                ),
                (Zh, Some(h)) => {
                    format!("`{field}` 为“{h}”，但第 {line} 行的{column}栏为“{cell}”")
                }
                (Zh, None) => format!("缺少 `{field}`，但第 {line} 行的{column}栏为“{cell}”"),
            },
            V::UnitNeedsNote { cell, unit } => match lang {
                En => format!(
                    "the table gives no unit for \"{cell}\": unit \"{unit}\" needs a `note` saying where it comes from"
                ),
                Zh => format!("表格没有给出“{cell}”的单位：单位“{unit}”需要用 `note` 说明出处"),
            },
            V::NoSentence { passage } => match lang {
                En => format!("cites \"{passage}\", not a table row, but has no `sentence`"),
                Zh => format!("引用的“{passage}”不是表格行，却没有 `sentence`"),
            },
            V::FigureNotInSentence { target, sentence } => match lang {
                En => format!(
                    "target {} is neither a number nor a figure word of the sentence \"{sentence}\"",
                    num(*target)
                ),
                Zh => format!(
                    "目标值 {} 在语句“{sentence}”中既不是独立的数字，也不是表示数值的词",
                    num(*target)
                ),
            },
            V::NotComposed { name, line } => match lang {
                En => format!(
                    "line {line} does not contain the name \"{name}\", and no count group of the line composes it"
                ),
                Zh => format!("第 {line} 行不含名称“{name}”，该行的计数列举也组合不出这个名称"),
            },
            V::ColumnOrdinal {
                ordinal,
                column,
                found,
                headers,
            } => match (lang, found) {
                (En, Some((l, label))) => format!(
                    "column_ordinal {ordinal} is {label} (line {l}), not {column}"
                ),
                (En, None) => format!(
                    "column_ordinal {ordinal} of {column}: the seed has {headers} column headers"
                ),
                (Zh, Some((l, label))) => {
                    format!("column_ordinal {ordinal} 是{label}（第 {l} 行），不是{column}")
                }
                (Zh, None) => {
                    format!("{column} 的 column_ordinal 为 {ordinal}：规划文本只有 {headers} 个专栏标题")
                }
            },
            V::ColumnNotNamed {
                line,
                column,
                nearest,
            } => match (lang, nearest) {
                (En, Some((l, label))) => format!(
                    "line {line} does not name {column}, and the nearest column above it is {label} (line {l})"
                ),
                (En, None) => format!(
                    "line {line} does not name {column}, and no column header precedes it"
                ),
                (Zh, Some((l, label))) => format!(
                    "第 {line} 行没有提到{column}，其上方最近的专栏是{label}（第 {l} 行）"
                ),
                (Zh, None) => format!("第 {line} 行没有提到{column}，其上方也没有专栏标题"),
            },
            V::GroupCount {
                line,
                count,
                heading,
                places,
            } => match lang {
                En => format!(
                    "the count group of line {line} says {count}处{heading} but names {places} places"
                ),
                Zh => format!("第 {line} 行的计数列举写“{count}处{heading}”，却列出了 {places} 个地点"),
            },
            V::GroupQualifier { line, heading, ids } => match lang {
                En => format!(
                    "the names composed from the count group of line {line} (…处{heading}) do not share one qualifier: {}",
                    list(lang, ids)
                ),
                Zh => format!(
                    "由第 {line} 行计数列举（……处{heading}）组合的名称没有共同的限定词：{}",
                    list(lang, ids)
                ),
            },
            V::TableUnreadable { table, line } => match (lang, line) {
                (En, Some(l)) => format!(
                    "{table} cannot be read as a numbered table (line {l})"
                ),
                (En, None) => format!("{table} cannot be read as a numbered table"),
                (Zh, Some(l)) => format!("{table} 无法按带序号的表格读取（第 {l} 行）"),
                (Zh, None) => format!("{table} 无法按带序号的表格读取"),
            },
            V::NoSuchRow { table, number } => match lang {
                En => format!("{table} has no row 序号{number}"),
                Zh => format!("{table} 没有序号为 {number} 的行"),
            },
            V::RowLine {
                table,
                number,
                cited,
                line,
            } => match lang {
                En => format!(
                    "cites line {cited} for {table} 序号{number}, but that row is on line {line}"
                ),
                Zh => format!("{table} 序号{number} 引用第 {cited} 行，但该行在第 {line} 行"),
            },
            V::RowId {
                table,
                number,
                expected,
            } => match lang {
                En => format!("{table} 序号{number} must have the id {expected}"),
                Zh => format!("{table} 序号{number} 的编号应为 {expected}"),
            },
            V::NoColumn { table, column } => match lang {
                En => format!("{table} has no {column} column"),
                Zh => format!("{table} 没有“{column}”栏"),
            },
            V::NoCategory { table, number } => match lang {
                En => format!("{table} states no 类别 above row 序号{number}"),
                Zh => format!("{table} 序号{number} 行以上没有写明类别"),
            },
            V::RowMissing {
                table,
                number,
                line,
            } => match lang {
                En => format!("row 序号{number} of {table} (line {line}) is not in the catalog"),
                Zh => format!("{table} 的序号{number} 行（第 {line} 行）不在目录中"),
            },
            V::RowTwice { table, number, ids } => match lang {
                En => format!(
                    "row 序号{number} of {table} is cited by several indicators: {}",
                    list(lang, ids)
                ),
                Zh => format!("{table} 的序号{number} 行被多个指标引用：{}", list(lang, ids)),
            },
            V::BadPeriod {
                start,
                end,
                baseline_year,
            } => match lang {
                En => format!(
                    "period {start}—{end} with baseline year {baseline_year} is not a plan period with the year before as baseline"
                ),
                Zh => format!(
                    "规划期 {start}—{end}、基期 {baseline_year}年不符合“基期为规划期前一年”"
                ),
            },
            V::DepartmentCode { code } => match lang {
                En => format!("department code \"{code}\" is not lowercase ASCII kebab-case"),
                Zh => format!("部门代码“{code}”不是小写英文字母、数字和连字符组成的代码"),
            },
            V::DepartmentName { code } => match lang {
                En => format!("department \"{code}\" has no name"),
                Zh => format!("部门“{code}”没有名称"),
            },
            V::NoDepartments => match lang {
                En => "no catalog file holds a department registry".into(),
                Zh => "没有任何目录文件包含部门名录".into(),
            },
            V::Approver { name } => match lang {
                En => format!(
                    "approver \"{name}\" is not a department name or alias of the registry"
                ),
                Zh => format!("审批单位“{name}”不是部门名录中的名称或别名"),
            },
            V::EmptyName { id } => match lang {
                En => format!("{id} has an empty name"),
                Zh => format!("{id} 的名称为空"),
            },
            V::TargetYear { year, start, end } => match lang {
                En => format!(
                    "target_year {year} is outside the plan period {start}—{end}, and the cited line does not name it"
                ),
                Zh => format!(
                    "target_year {year} 不在规划期 {start}—{end} 内，所引行也没有写明该年份"
                ),
            },
            V::EmptyRange { lo, hi } => match lang {
                En => format!("range [{}, {}] is empty", num(*lo), num(*hi)),
                Zh => format!("取值范围 [{}, {}] 为空", num(*lo), num(*hi)),
            },
            V::OutsideRange {
                field,
                value,
                lo,
                hi,
            } => match lang {
                En => format!(
                    "`{field}` {} lies outside its range [{}, {}]",
                    num(*value),
                    bound(*lo),
                    bound(*hi)
                ),
                Zh => format!(
                    "`{field}` {} 超出取值范围 [{}, {}]",
                    num(*value),
                    bound(*lo),
                    bound(*hi)
                ),
            },
            V::RelativeKind { reference } => match lang {
                En => format!("relative to \"{reference}\", but its kind is not qualitative"),
                Zh => format!("目标相对于“{reference}”，但类型不是定性"),
            },
            V::NoFigureNoReference => match lang {
                En => "a target from the text with neither a figure (`target`) nor a `reference`"
                    .into(),
                Zh => "来自正文的目标既没有数值（`target`），也没有比较对象（`reference`）".into(),
            },
            V::FigureAndReference { target, reference } => match lang {
                En => format!(
                    "target {} and reference \"{reference}\": a relative target has no figure of its own",
                    num(*target)
                ),
                Zh => format!(
                    "既有目标值 {} 又有比较对象“{reference}”：相对目标没有自己的数值",
                    num(*target)
                ),
            },
            V::NoPassageText { code } => match lang {
                En => format!("the rule entry of {code} quotes no passage text"),
                Zh => format!("{code} 的规则条目没有引用原文"),
            },
        }
    }
}

//! PL6xx: `plan-lint plan verify`, a plan's catalog proved against the plan
//! text (the seed) it cites. One help per code: what to do is the same for
//! every finding of the code; the message says what does not hold.

use super::{list, num, t, Lang, Texts};
use crate::model::code::Code;
use Lang::{En, Zh};

/// What a catalog entry quotes from the seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quoted {
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

impl Quoted {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Quoted::PlanName, En) => "the plan's name",
            (Quoted::PlanName, Zh) => "规划名称",
            (Quoted::Sentence, En) => "the sentence",
            (Quoted::Sentence, Zh) => "目标语句",
            (Quoted::Discrepancy, En) => "the discrepancy text",
            (Quoted::Discrepancy, Zh) => "出入记录的原文",
            (Quoted::PassageText, En) => "the passage text",
            (Quoted::PassageText, Zh) => "规则引用的原文",
            (Quoted::Reference, En) => "the reference",
            (Quoted::Reference, Zh) => "比较对象",
            (Quoted::TargetText, En) => "the target text",
            (Quoted::TargetText, Zh) => "目标原文",
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
        what: Quoted,
        text: String,
        line: usize,
    },
    NotInSentence {
        what: Quoted,
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
    /// A target's figure that its target_text does not state.
    TargetNotInText {
        target: f64,
        text: String,
    },
    /// A relative target's sentence without a comparative (高于全市, 全省前列 …).
    NoComparative {
        sentence: String,
    },
    /// A target year other than the one its sentence states (none: the period's end).
    TargetYearStated {
        year: i32,
        stated: Vec<i32>,
        end: i32,
    },
    /// A project citing a line other than its column's content line.
    ProjectLine {
        line: usize,
        column: String,
        content: usize,
    },
    ProjectPassage {
        passage: String,
        expected: String,
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
    // PL603 unaccounted
    /// A candidate sentence no target's sentence or record covers.
    SentenceUnaccounted {
        line: usize,
        sentence: String,
    },
    /// A figure, year or comparative of a covered sentence outside every target and record.
    TokenUnaccounted {
        line: usize,
        token: String,
        sentence: String,
    },
    /// A column item that is no project's name and has no record.
    ItemUnaccounted {
        line: usize,
        column: String,
        item: String,
    },
    /// A text target no record names.
    TargetUnaccounted {
        id: String,
    },
    /// A project no item of its column names.
    ProjectUnaccounted {
        id: String,
        name: String,
    },
    // PL604 accounting-mismatch
    AccountingUnreadable {
        error_en: String,
        error_zh: String,
    },
    /// A key of the accounting file that is malformed, or one it no longer has.
    AccountingKey {
        key: String,
    },
    /// A record's text (a clause of a candidate sentence, an item, a discrepancy, an aim)
    /// that is not at its line.
    RecordNotAtLine {
        line: usize,
        text: String,
    },
    /// An aim without a figure whose text holds a figure, year or comparative.
    AimIsCandidate {
        line: usize,
        text: String,
    },
    UnknownId {
        line: usize,
        id: String,
    },
    /// An `accounted_as` of none of the forms the rules accept (empty: none given).
    RejectedOutcome {
        line: usize,
        outcome: String,
    },
    RecordCitesElsewhere {
        line: usize,
        id: String,
        cited: usize,
    },
    RecordRelative {
        line: usize,
        id: String,
    },
    RecordComparison {
        line: usize,
        id: String,
        recorded: String,
    },
    RecordReference {
        line: usize,
        reference: String,
    },
    RecordMilestone {
        line: usize,
        year: i32,
    },
    RecordDoesNotAccount {
        line: usize,
        token: String,
        outcomes: Vec<String>,
    },
    ItemColumn {
        line: usize,
        item: String,
        recorded: String,
        column: String,
    },
    ItemPlaces {
        line: usize,
        item: String,
        places: usize,
        ids: Vec<String>,
    },
    ItemNotNamed {
        line: usize,
        item: String,
        id: String,
        name: String,
    },
    // PL605 catalog-inconsistent
    /// A relative target with a baseline of its own.
    RelativeBaseline {
        reference: String,
    },
    /// A relative target that is not more_than (higher is better) or a rank.
    RelativeComparison {
        comparison: String,
        direction: String,
        unit: String,
    },
    /// Ids out of their sequence (T001… in file order; P + column + 01… in a column).
    IdSequence {
        id: String,
        expected: String,
    },
    SeedOrder {
        id: String,
        line: usize,
        after: usize,
    },
    ProjectId {
        id: String,
        ordinal: u32,
    },
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
    // PL606 review-pending
    /// A review mark of a drafted entry: `entry` names it (an id, a rule code, plan.yaml,
    /// a record of the accounting file), `mark` is what to check.
    ReviewPending {
        entry: String,
        mark: String,
    },
}

fn bound(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), num)
}

impl VerifyMsg {
    /// The code a finding of this kind carries.
    pub fn code(&self) -> Code {
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
            | V::GroupQualifier { .. }
            | V::TargetNotInText { .. }
            | V::NoComparative { .. }
            | V::TargetYearStated { .. }
            | V::ProjectLine { .. }
            | V::ProjectPassage { .. } => Code::PL601,
            V::TableUnreadable { .. }
            | V::NoSuchRow { .. }
            | V::RowLine { .. }
            | V::RowId { .. }
            | V::NoColumn { .. }
            | V::NoCategory { .. }
            | V::RowMissing { .. }
            | V::RowTwice { .. } => Code::PL602,
            V::SentenceUnaccounted { .. }
            | V::TokenUnaccounted { .. }
            | V::ItemUnaccounted { .. }
            | V::TargetUnaccounted { .. }
            | V::ProjectUnaccounted { .. } => Code::PL603,
            V::AccountingUnreadable { .. }
            | V::AccountingKey { .. }
            | V::RecordNotAtLine { .. }
            | V::AimIsCandidate { .. }
            | V::UnknownId { .. }
            | V::RejectedOutcome { .. }
            | V::RecordCitesElsewhere { .. }
            | V::RecordRelative { .. }
            | V::RecordComparison { .. }
            | V::RecordReference { .. }
            | V::RecordMilestone { .. }
            | V::RecordDoesNotAccount { .. }
            | V::ItemColumn { .. }
            | V::ItemPlaces { .. }
            | V::ItemNotNamed { .. } => Code::PL604,
            V::ReviewPending { .. } => Code::PL606,
            _ => Code::PL605,
        }
    }

    pub fn texts(&self, lang: Lang) -> Texts {
        let (help, label) = match (self.code(), lang) {
            (Code::PL601, En) => (
                "correct the entry to what the seed states at the cited line, or cite the line that states it",
                "not at the cited line",
            ),
            (Code::PL601, Zh) => (
                "请把条目改为规划文本在所引行写明的内容，或改引写明它的那一行",
                "与所引原文不符",
            ),
            (Code::PL602, En) => (
                "give every numbered row of a cited table one catalog entry, citing the row's own line and 序号",
                "table row",
            ),
            (Code::PL602, Zh) => (
                "所引表格的每个带序号的行在目录中应恰有一个条目，引用该行自己的行号和序号",
                "表格行",
            ),
            (Code::PL603, En) => (
                "catalog it, or add a record to the accounting file that says what it became (`plan-lint explain PL603`)",
                "not accounted for",
            ),
            (Code::PL603, Zh) => (
                "请把它列入目录，或在核算文件中添加一条记录，写明它的去向（`plan-lint explain PL603`）",
                "未核算",
            ),
            (Code::PL604, En) => (
                "correct the record: its text verbatim at its line, ids the catalog has, a reason of a form `plan-lint explain PL604` lists",
                "record does not hold",
            ),
            (Code::PL604, Zh) => (
                "请改正该记录：原文与所在行一致，编号在目录中存在，理由采用 `plan-lint explain PL604` 列出的格式",
                "记录不成立",
            ),
            (Code::PL606, En) => (
                "check the entry against the plan text, correct it if needed, then delete the mark from its `review` list",
                "not reviewed",
            ),
            (Code::PL606, Zh) => (
                "请对照规划文本核对该条目，必要时改正，然后从其 `review` 列表中删去这一项",
                "待复核",
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
            V::TargetNotInText { target, text } => match lang {
                En => format!("target {} is not in the target text \"{text}\"", num(*target)),
                Zh => format!("目标值 {} 不在目标原文“{text}”中", num(*target)),
            },
            V::NoComparative { sentence } => match lang {
                En => format!(
                    "a relative target, but its sentence \"{sentence}\" holds no comparative (高于全市, 全省前列 …)"
                ),
                Zh => format!("相对目标的语句“{sentence}”中没有比较的说法（高于全市、全省前列等）"),
            },
            V::TargetYearStated { year, stated, end } => {
                let years: Vec<String> = stated.iter().map(|y| y.to_string()).collect();
                match (lang, stated.is_empty()) {
                    (En, true) => format!(
                        "target_year {year}, but its sentence states no year (then the target year is the period's end, {end})"
                    ),
                    (En, false) => format!(
                        "target_year {year}, but its sentence states {}",
                        list(lang, &years)
                    ),
                    (Zh, true) => format!(
                        "target_year 为 {year}，但目标语句没有写明年份（此时目标年份为规划期末 {end}）"
                    ),
                    (Zh, false) => {
                        format!("target_year 为 {year}，但目标语句写的是 {}", list(lang, &years))
                    }
                }
            }
            V::ProjectLine {
                line,
                column,
                content,
            } => match lang {
                En => format!("cites line {line}, but the content of {column} is line {content}"),
                Zh => format!("引用第 {line} 行，但{column}的内容在第 {content} 行"),
            },
            V::ProjectPassage { passage, expected } => match lang {
                En => format!("passage \"{passage}\", but the column's header is \"{expected}\""),
                Zh => format!("所引段落为“{passage}”，但专栏标题是“{expected}”"),
            },
            V::SentenceUnaccounted { line, sentence } => match lang {
                En => format!(
                    "the candidate sentence \"{sentence}\" of line {line} is neither a target's sentence nor in a record"
                ),
                Zh => format!("第 {line} 行的候选语句“{sentence}”既不是目标语句，也没有核算记录"),
            },
            V::TokenUnaccounted {
                line,
                token,
                sentence,
            } => match lang {
                En => format!(
                    "{token} in \"{sentence}\" (line {line}) is neither in a target's sentence nor in a record"
                ),
                Zh => format!("“{sentence}”（第 {line} 行）中的 {token} 既不在目标语句中，也不在核算记录中"),
            },
            V::ItemUnaccounted { line, column, item } => match lang {
                En => format!(
                    "the item \"{item}\" of {column} (line {line}) is neither a project's name nor in a record"
                ),
                Zh => format!("{column}（第 {line} 行）的条目“{item}”既不是项目名称，也没有核算记录"),
            },
            V::TargetUnaccounted { id } => match lang {
                En => format!("no record of the accounting file names {id}"),
                Zh => format!("核算文件中没有记录提到 {id}"),
            },
            V::ProjectUnaccounted { id, name } => match lang {
                En => format!("{id} \"{name}\" is named by no item of its column"),
                Zh => format!("{id}（{name}）没有被所在专栏的任何条目提到"),
            },
            V::AccountingUnreadable { error_en, error_zh } => match lang {
                En => format!("the accounting file does not load: {error_en}"),
                Zh => format!("核算文件无法加载：{error_zh}"),
            },
            V::AccountingKey { key } => match lang {
                En => format!("`{key}` of the accounting file is malformed or no longer used"),
                Zh => format!("核算文件的 `{key}` 格式不对或已不再使用"),
            },
            V::RecordNotAtLine { line, text } => match lang {
                En => format!(
                    "\"{text}\" is not at line {line} of the seed (as a clause of a candidate sentence, an item of a column line, or verbatim)"
                ),
                Zh => format!(
                    "“{text}”不在规划文本第 {line} 行（作为候选语句的分句、专栏行的条目或原文）"
                ),
            },
            V::AimIsCandidate { line, text } => match lang {
                En => format!(
                    "the aim \"{text}\" (line {line}) holds a figure, year or comparative: it is a `targets` record"
                ),
                Zh => format!("目标表述“{text}”（第 {line} 行）含有数值、年份或比较说法：应作为 `targets` 记录"),
            },
            V::UnknownId { line, id } => match lang {
                En => format!("the record of line {line} names {id}, which the catalog does not have"),
                Zh => format!("第 {line} 行的记录提到 {id}，但目录中没有它"),
            },
            V::RejectedOutcome { line, outcome } => match (lang, outcome.is_empty()) {
                (En, true) => format!("the record of line {line} has no accounted_as"),
                (En, false) => format!(
                    "accounted_as \"{outcome}\" of the record of line {line} is none of the forms the accounting rules accept"
                ),
                (Zh, true) => format!("第 {line} 行的记录没有 accounted_as"),
                (Zh, false) => {
                    format!("第 {line} 行记录的 accounted_as“{outcome}”不符合核算规则认可的任何格式")
                }
            },
            V::RecordCitesElsewhere { line, id, cited } => match lang {
                En => format!(
                    "the record of line {line} names {id}, which cites line {cited} with a sentence not inside the record's text"
                ),
                Zh => format!("第 {line} 行的记录提到 {id}，但它引用第 {cited} 行，目标语句也不在记录原文内"),
            },
            V::RecordRelative { line, id } => match lang {
                En => format!(
                    "the record of line {line} names {id} as a target, but it is a relative target: \"relative: <comparison> <reference>: {id}\""
                ),
                Zh => format!(
                    "第 {line} 行的记录把 {id} 记为目标，但它是相对目标：应写作“relative: <comparison> <reference>: {id}”"
                ),
            },
            V::RecordComparison { line, id, recorded } => match lang {
                En => format!(
                    "the record of line {line} says {id} is {recorded}, but the catalog gives it another comparison or reference"
                ),
                Zh => format!("第 {line} 行的记录写 {id} 为 {recorded}，但目录中的比较方式或比较对象不同"),
            },
            V::RecordReference { line, reference } => match lang {
                En => format!("the record of line {line} is relative to \"{reference}\", which its text does not name"),
                Zh => format!("第 {line} 行的记录相对于“{reference}”，但记录原文没有提到它"),
            },
            V::RecordMilestone { line, year } => match lang {
                En => format!("the record of line {line} is a milestone {year}, which its text does not state"),
                Zh => format!("第 {line} 行的记录是 {year} 年的节点目标，但记录原文没有写明该年份"),
            },
            V::RecordDoesNotAccount {
                line,
                token,
                outcomes,
            } => match lang {
                En => format!(
                    "{token} (line {line}) is recorded as {}, which does not account for it (a missed target, milestone or relative target?)",
                    list(lang, outcomes)
                ),
                Zh => format!(
                    "{token}（第 {line} 行）记为 {}，不能说明它（是否漏了目标、节点目标或相对目标？）",
                    list(lang, outcomes)
                ),
            },
            V::ItemColumn {
                line,
                item,
                recorded,
                column,
            } => match lang {
                En => format!("the item \"{item}\" (line {line}) is recorded in {recorded}, but its column is {column}"),
                Zh => format!("条目“{item}”（第 {line} 行）记在 {recorded}，但所在专栏是 {column}"),
            },
            V::ItemPlaces {
                line,
                item,
                places,
                ids,
            } => match lang {
                En => format!(
                    "the item \"{item}\" (line {line}) stands for {places} place(s) of its count group, but is recorded as {}",
                    list(lang, ids)
                ),
                Zh => format!(
                    "条目“{item}”（第 {line} 行）代表计数列举中的 {places} 个地点，却记为 {}",
                    list(lang, ids)
                ),
            },
            V::ItemNotNamed {
                line,
                item,
                id,
                name,
            } => match lang {
                En => format!("the item \"{item}\" (line {line}) is recorded as {id} \"{name}\", which it does not name"),
                Zh => format!("条目“{item}”（第 {line} 行）记为 {id}（{name}），但条目并没有提到它"),
            },
            V::RelativeBaseline { reference } => match lang {
                En => format!(
                    "relative to \"{reference}\", but it has a baseline: a relative target is judged against the register's requirement, not a baseline"
                ),
                Zh => format!("目标相对于“{reference}”，却有基期值：相对目标按登记簿中的要求评判，没有基期值"),
            },
            V::RelativeComparison {
                comparison,
                direction,
                unit,
            } => match lang {
                En => format!(
                    "a relative target with comparison {comparison}, direction {direction} and unit \"{unit}\": it must be qualitative, and more_than (higher is better) or a rank (at_most, lower is better, unit 名 or 位, range from 1)"
                ),
                Zh => format!(
                    "相对目标的比较方式为 {comparison}、方向为 {direction}、单位为“{unit}”：应为定性目标，且为 more_than（越高越好）或排名（at_most，越低越好，单位为名或位，取值从 1 起）"
                ),
            },
            V::IdSequence { id, expected } => match lang {
                En => format!("{id} is out of sequence: this entry's id is {expected}"),
                Zh => format!("{id} 不合编号顺序：该条目的编号应为 {expected}"),
            },
            V::SeedOrder { id, line, after } => match lang {
                En => format!("{id} (line {line}) comes after an entry of line {after}: its batch is not in seed order"),
                Zh => format!("{id}（第 {line} 行）排在第 {after} 行的条目之后：该批条目没有按规划文本的顺序排列"),
            },
            V::ProjectId { id, ordinal } => match lang {
                En => format!("{id} is not P + the two-digit column ordinal ({ordinal:02}) + a two-digit item number"),
                Zh => format!("{id} 不是 P 加两位专栏序数（{ordinal:02}）再加两位条目序号"),
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
            V::ReviewPending { entry, mark } => match lang {
                En => format!("\"{entry}\" is marked for review: \"{mark}\""),
                Zh => format!("“{entry}”尚待复核：“{mark}”"),
            },
        }
    }
}

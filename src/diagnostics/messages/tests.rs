//! The catalog in both languages: every entry has a text in each, the
//! Chinese one is Chinese, and the samples below cover every entry (a new
//! entry without a sample fails `every_entry_has_a_sample`).

use super::*;
use crate::model::document::Kind;
use crate::model::plan::{Comparison, Direction, ProjectStatus};
use crate::syntax::yaml::{LoadErrorKind, SyntaxHint};
use std::collections::BTreeSet;

fn ind() -> Ind {
    Ind {
        name: "空气质量优良率".into(),
        id: "I14".into(),
        unit: "%".into(),
    }
}

fn proj() -> Proj {
    Proj {
        name: "南明河滨河经济带建设项目".into(),
        id: "P0901".into(),
    }
}

pub(crate) fn s(v: &str) -> String {
    v.to_string()
}

fn load_samples() -> Vec<LoadErrorKind> {
    vec![
        LoadErrorKind::Syntax {
            info: s("did not find expected key"),
            hint: SyntaxHint::Other,
        },
        LoadErrorKind::Syntax {
            info: s("mapping values are not allowed in this context at line 3 column 8"),
            hint: SyntaxHint::Other,
        },
        LoadErrorKind::Syntax {
            info: s("found a tab character"),
            hint: SyntaxHint::Tab,
        },
        LoadErrorKind::Syntax {
            info: s("unknown anchor"),
            hint: SyntaxHint::UnknownAnchor,
        },
        LoadErrorKind::MultipleDocuments,
        LoadErrorKind::UnknownAnchor,
        LoadErrorKind::IntegerTooLarge {
            text: s("123456789012345678901234567890"),
        },
        LoadErrorKind::MergeKey,
        LoadErrorKind::DuplicateKey { key: s("value") },
        LoadErrorKind::UnderIndented {
            key: s("value"),
            parent: s("requirement"),
            by: 2,
        },
        LoadErrorKind::Syntax {
            info: s("simple key expect ':'"),
            hint: SyntaxHint::MissingColon {
                key: s("value"),
                value: s("41.9"),
            },
        },
        LoadErrorKind::Syntax {
            info: s("simple key expect ':'"),
            hint: SyntaxHint::FullWidthColon {
                key: s("value"),
                value: s("41.9"),
            },
        },
        LoadErrorKind::Syntax {
            info: s("mapping values are not allowed in this context"),
            hint: SyntaxHint::NoSpaceAfterColon {
                key: s("value"),
                value: s("41.9"),
            },
        },
        LoadErrorKind::Syntax {
            info: s("did not find expected key"),
            hint: SyntaxHint::Indent {
                found: 3,
                expected: 4,
                line: 13,
                key: s("id"),
            },
        },
        LoadErrorKind::AliasLimit { max_nodes: 200_000 },
        LoadErrorKind::TooDeep { max_depth: 64 },
        LoadErrorKind::Tag {
            tag: s("!!python/object"),
        },
        LoadErrorKind::ControlCharacter { ch: '\0' },
        LoadErrorKind::ControlCharacter { ch: '\u{7}' },
        LoadErrorKind::Unbalanced,
    ]
}

fn file_samples() -> Vec<FileMsg> {
    vec![
        FileMsg::IsDirectory,
        FileMsg::NotRegularFile,
        FileMsg::TooLarge {
            size: 20_000_000,
            max: 10_485_760,
        },
        FileMsg::TooLargeRead { max: 10_485_760 },
        FileMsg::DanglingLink,
        FileMsg::Workbook {
            problem: WorkbookProblem::NotAWorkbook,
        },
        FileMsg::Workbook {
            problem: WorkbookProblem::TooManyEntries { max: 1000 },
        },
        FileMsg::Workbook {
            problem: WorkbookProblem::TooLargeUnpacked { max: 67_108_864 },
        },
        FileMsg::Workbook {
            problem: WorkbookProblem::TooManyCells { max: 100_000 },
        },
        FileMsg::Workbook {
            problem: WorkbookProblem::CellTooFar {
                sheet: s("指标"),
                cell: s("XFD1048576"),
                rows: 10_000,
                columns: 200,
            },
        },
        FileMsg::Workbook {
            problem: WorkbookProblem::Macros,
        },
        FileMsg::Workbook {
            problem: WorkbookProblem::ExternalLinks,
        },
        FileMsg::ChangedWhileChecked,
        FileMsg::CannotRead {
            error: OsError {
                kind: std::io::ErrorKind::PermissionDenied,
                text: s("Permission denied (os error 13)"),
            },
        },
        FileMsg::CannotRead {
            error: OsError {
                kind: std::io::ErrorKind::Other,
                text: s("Input/output error (os error 5)"),
            },
        },
        FileMsg::LeavesRoot,
        FileMsg::WrongEncoding {
            encoding: Encoding::Utf16NoBom,
        },
        FileMsg::InvalidUtf8 {
            byte: 0xB5,
            gbk: true,
        },
        FileMsg::InvalidUtf8 {
            byte: 0xFF,
            gbk: false,
        },
    ]
}

fn schema_samples() -> Vec<SchemaMsg> {
    let field = || s("value");
    vec![
        SchemaMsg::UnknownKey {
            key: s("valeu"),
            context: Some(s("indicators[0]")),
            hint: KeyHint::DidYouMean(s("value")),
        },
        SchemaMsg::UnknownKey {
            key: s("<<"),
            context: None,
            hint: KeyHint::MergeKey,
        },
        SchemaMsg::UnknownKey {
            key: s("indicator"),
            context: None,
            hint: KeyHint::Section(s("indicators")),
        },
        SchemaMsg::UnknownKey {
            key: s("x"),
            context: None,
            hint: KeyHint::OneOf(vec![s("id"), s("value")]),
        },
        SchemaMsg::MissingKey {
            name: s("period"),
            context: None,
            description: Some(s("Reporting year")),
        },
        SchemaMsg::MissingKey {
            name: s("id"),
            context: Some(s("projects[1]")),
            description: None,
        },
        SchemaMsg::NotFinite {
            field: field(),
            written: s(".inf"),
        },
        SchemaMsg::WrongType {
            field: field(),
            expected: Expected::Types(vec![JsonType::Number]),
            found: Shown::Str(s("98以上")),
            help: TypeHelp::NumberInText {
                number: s("98"),
                other: None,
                target_wording: true,
            },
        },
        SchemaMsg::WrongType {
            field: field(),
            expected: Expected::Types(vec![JsonType::Number]),
            found: Shown::Str(s("97,6")),
            help: TypeHelp::NumberInText {
                number: s("97.6"),
                other: Some(s("976")),
                target_wording: false,
            },
        },
        SchemaMsg::WrongType {
            field: field(),
            expected: Expected::Types(vec![JsonType::Number, JsonType::Null]),
            found: Shown::Null,
            help: TypeHelp::Fill,
        },
        SchemaMsg::WrongType {
            field: s("value"),
            expected: Expected::Types(vec![JsonType::Number]),
            found: Shown::Str(s("暂无")),
            help: TypeHelp::Pending,
        },
        SchemaMsg::WrongType {
            field: s("value"),
            expected: Expected::Types(vec![JsonType::Number]),
            found: Shown::Str(s("９８")),
            help: TypeHelp::FullWidth { number: s("98") },
        },
        SchemaMsg::WrongType {
            field: s("indicators"),
            expected: Expected::Types(vec![JsonType::List]),
            found: Shown::Mapping,
            help: TypeHelp::List,
        },
        SchemaMsg::WrongType {
            field: s("pending"),
            expected: Expected::Types(vec![JsonType::Mapping]),
            found: Shown::List,
            help: TypeHelp::Mapping,
        },
        SchemaMsg::WrongType {
            field: s("evidence"),
            expected: Expected::Types(vec![JsonType::Integer, JsonType::Boolean]),
            found: Shown::Bool(true),
            help: TypeHelp::Takes,
        },
        SchemaMsg::WrongType {
            field: s("submitted"),
            expected: Expected::Date,
            found: Shown::Number(s("2024")),
            help: TypeHelp::PlainNumber,
        },
        SchemaMsg::WrongType {
            field: s("value"),
            expected: Expected::Types(vec![JsonType::Number]),
            found: Shown::Str(s("=SUM(F2:F9)")),
            help: TypeHelp::Formula,
        },
        SchemaMsg::WrongType {
            field: s("x"),
            expected: Expected::Types(vec![JsonType::String, JsonType::Other(s("thing"))]),
            found: Shown::Number(s("1")),
            help: TypeHelp::Takes,
        },
        SchemaMsg::NotAllowed {
            field: s("status"),
            found: Shown::Str(s("done")),
            options: vec![s("planned"), s("completed")],
            suggestion: Some(s("completed")),
        },
        SchemaMsg::NotAllowed {
            field: s("status"),
            found: Shown::Str(s("x")),
            options: vec![s("planned"), s("completed")],
            suggestion: None,
        },
        SchemaMsg::BelowMinimum {
            field: s("progress"),
            found: Shown::Number(s("-5")),
            limit: s("0"),
        },
        SchemaMsg::AboveMaximum {
            field: s("progress"),
            found: Shown::Number(s("105")),
            limit: s("100"),
        },
        SchemaMsg::WrongForm {
            field: s("submitted"),
            found: Shown::Str(s("2024/1/18")),
            pattern: None,
            date: Some(crate::syntax::suggest::DateReading::Day(s("2024-01-18"))),
        },
        SchemaMsg::WrongForm {
            field: s("completed"),
            found: Shown::Str(s("2024年10月")),
            pattern: None,
            date: Some(crate::syntax::suggest::DateReading::Month(2024, 10)),
        },
        SchemaMsg::WrongForm {
            field: s("submitted"),
            found: Shown::Str(s("昨天")),
            pattern: None,
            date: None,
        },
        SchemaMsg::WrongForm {
            field: s("id"),
            found: Shown::Str(s("x")),
            pattern: Some(s("^I[0-9]{2}$")),
            date: None,
        },
        SchemaMsg::Empty { field: s("reason") },
        SchemaMsg::ItemCount {
            field: s("range"),
            limit: s("2"),
        },
        SchemaMsg::ValueAndPending,
        SchemaMsg::NoValueOrPending,
        SchemaMsg::Other {
            field: field(),
            detail: s("is not valid under any of the schemas"),
        },
        SchemaMsg::NotAMapping {
            document: Kind::Report,
            found: TopLevel::Empty,
        },
        SchemaMsg::NotAMapping {
            document: Kind::PlanHeader,
            found: TopLevel::OnlyComments,
        },
        SchemaMsg::NotAMapping {
            document: Kind::Catalog,
            found: TopLevel::Null,
        },
        SchemaMsg::NotAMapping {
            document: Kind::Rules,
            found: TopLevel::Other(Shown::List),
        },
        SchemaMsg::NotAMapping {
            document: Kind::Config,
            found: TopLevel::Other(Shown::Str(s("x"))),
        },
        SchemaMsg::NotAMapping {
            document: Kind::Decisions,
            found: TopLevel::Empty,
        },
        SchemaMsg::ImpossibleDate {
            text: s("2023-02-30"),
        },
    ]
}

fn plan_samples() -> Vec<PlanMsg> {
    let code = || s("PL201");
    vec![
        PlanMsg::SameAsUnknown {
            id: s("T079"),
            same_as: s("I99"),
        },
        PlanMsg::SameAsUnit {
            id: s("T079"),
            same_as: s("I07"),
            unit: s("%"),
            other_unit: s("万人"),
        },
        PlanMsg::PlausibilityMatchesNothing { unit: s("万吨") },
        PlanMsg::UnknownVersion { version: 2 },
        PlanMsg::PlanNotLoaded {
            plan: s("nanming-14th"),
            suggestion: Some(s("nanming-14th-fyp")),
            loaded: vec![s("nanming-14th-fyp")],
            holding: None,
        },
        PlanMsg::PlanNotLoaded {
            plan: s("x"),
            suggestion: None,
            loaded: vec![s("nanming-14th-fyp"), s("nanming-15th-fyp")],
            holding: None,
        },
        PlanMsg::PlanNotLoaded {
            plan: s("nanming-16th-fyp"),
            suggestion: Some(s("nanming-15th-fyp")),
            loaded: vec![s("nanming-14th-fyp"), s("nanming-15th-fyp")],
            holding: Some(PlanOfYear {
                id: s("nanming-15th-fyp"),
                year: 2026,
                start: 2026,
                end: 2030,
            }),
        },
        PlanMsg::ReadFailed {
            error: PlanReadError::CannotRead {
                path: s("plans/x/plan.yaml"),
                error: s("No such file or directory (os error 2)"),
            },
            context: ReadContext::Header,
        },
        PlanMsg::ReadFailed {
            error: PlanReadError::NotUtf8 {
                path: s("plans/x/indicators.yaml"),
            },
            context: ReadContext::Listed,
        },
        PlanMsg::ReadFailed {
            error: PlanReadError::BuiltinMissing {
                name: s("rules.yaml"),
            },
            context: ReadContext::Builtin,
        },
        PlanMsg::ReadFailed {
            error: PlanReadError::NotAtCommit {
                path: s("plans/next/rules.yaml"),
                commit: s("4f0625a1b2c3"),
            },
            context: ReadContext::Listed,
        },
        PlanMsg::Unreadable {
            error: s("missing field `id`"),
            builtin: true,
        },
        PlanMsg::Unreadable {
            error: s("missing field `id`"),
            builtin: false,
        },
        PlanMsg::DuplicateDepartment { code: s("eco-env") },
        PlanMsg::DuplicateIndicator { id: s("I14") },
        PlanMsg::IndicatorDepartment {
            id: s("I14"),
            department: s("eco"),
        },
        PlanMsg::DuplicateProject { id: s("P0901") },
        PlanMsg::ProjectDepartment {
            id: s("P0901"),
            department: s("water"),
        },
        PlanMsg::UnknownRuleCode { code: s("PL299") },
        PlanMsg::FixedRuleCode { code: s("PL101") },
        PlanMsg::SelectsUnknown {
            code: code(),
            id: s("I99"),
        },
        PlanMsg::SelectsNothing { code: code() },
        PlanMsg::MissingParam {
            code: code(),
            param: s("tolerance"),
        },
        PlanMsg::ConfigUnreadable {
            error: s("No such file or directory (os error 2)"),
        },
        PlanMsg::InvalidToml {
            detail: s("expected `=`"),
        },
        PlanMsg::BadExclude {
            pattern: s("a[b"),
            error: s("invalid range pattern"),
        },
        PlanMsg::SeverityUnknownRule { code: s("PL999") },
        PlanMsg::SeverityFixedRule {
            code: s("PL101"),
            name: s("unknown-indicator"),
        },
        PlanMsg::SeverityNotSuppressible { code: code() },
        PlanMsg::ConfigDepartment { department: s("x") },
        PlanMsg::ConfigIndicator { id: s("I99") },
        PlanMsg::ConfigProject { id: s("P9999") },
    ]
}

fn report_samples() -> Vec<ReportMsg> {
    vec![
        ReportMsg::UnreadReportFile {
            name: s("eco-env.yaml.bak"),
            read_as: s("eco-env.yaml"),
        },
        ReportMsg::UnreadSpreadsheet {
            name: s("eco-env.xlsx"),
        },
        ReportMsg::OutsidePlace {
            root: s("progress"),
            place: None,
        },
        ReportMsg::OutsidePlace {
            root: s("progress"),
            place: Some((s("progress/2021/eco-env.yaml"), false)),
        },
        ReportMsg::OutsidePlace {
            root: s("progress"),
            place: Some((s("progress/2021/eco-env.yaml"), true)),
        },
        ReportMsg::BadName {
            shown: s("progress/2022/x\\ny"),
            problem: NameProblem::ControlCharacter,
        },
        ReportMsg::BadName {
            shown: s("progress/2022/\\xff"),
            problem: NameProblem::NotUtf8,
        },
        ReportMsg::UnknownIndicator {
            id: s("I41"),
            hint: IndicatorHint::Closest {
                id: s("I14"),
                name: s("空气质量优良率"),
            },
        },
        ReportMsg::UnknownIndicator {
            id: s("空气质量优良率"),
            hint: IndicatorHint::Name { id: s("I14") },
        },
        ReportMsg::UnknownIndicator {
            id: s("X"),
            hint: IndicatorHint::None,
        },
        ReportMsg::UnknownProject {
            id: s("P0999"),
            hint: ProjectHint::NamedAs {
                name: s("南明河滨河经济带建设项目"),
                id: s("P0901"),
            },
        },
        ReportMsg::UnknownProject {
            id: s("P0902"),
            hint: ProjectHint::Closest {
                id: s("P0901"),
                name: s("南明河滨河经济带建设项目"),
            },
        },
        ReportMsg::UnknownProject {
            id: s("X"),
            hint: ProjectHint::None,
        },
        ReportMsg::ProjectName {
            id: s("P0901"),
            catalog: s("南明河滨河经济带建设项目"),
            written: s("滨河经济带"),
        },
        ReportMsg::Duplicate {
            entity: Entity::Indicator,
            id: s("I14"),
        },
        ReportMsg::Duplicate {
            entity: Entity::Project,
            id: s("P0901"),
        },
        ReportMsg::UnitMismatch {
            id: s("I16"),
            name: s("建成区人均公共绿地面积"),
            written: s("公顷"),
            unit: s("平方米"),
        },
        ReportMsg::NotResponsible {
            reporter: s("education"),
            entity: Entity::Indicator,
            name: s("空气质量优良率"),
            id: s("I14"),
            owner: s("eco-env"),
            owner_name: s("区生态环境局"),
        },
        ReportMsg::PeriodOutside {
            written: s("2026"),
            start: 2021,
            end: 2025,
            holding: None,
        },
        ReportMsg::PeriodOutside {
            written: s("2026"),
            start: 2021,
            end: 2025,
            holding: Some(PlanOfYear {
                id: s("nanming-15th-fyp"),
                year: 2026,
                start: 2026,
                end: 2030,
            }),
        },
        ReportMsg::PeriodAfterSubmission {
            period: 2024,
            submitted: s("2023-12-30"),
        },
        ReportMsg::SubmittedInFuture {
            submitted: s("2030-01-01"),
            today: s("2026-01-01"),
        },
        ReportMsg::DuplicateReport {
            department: s("eco-env"),
            count: 2,
            period: 2023,
            paths: vec![s("a.yaml"), s("b.yaml")],
            role: DuplicateRole::Unclear,
        },
        ReportMsg::DuplicateReport {
            department: s("eco-env"),
            count: 2,
            period: 2023,
            paths: vec![
                s("progress/2023/eco-env.yaml"),
                s("progress/2024/eco-env.yaml"),
            ],
            role: DuplicateRole::OnRecord {
                copies: vec![s("progress/2024/eco-env.yaml")],
            },
        },
        ReportMsg::DuplicateReport {
            department: s("eco-env"),
            count: 2,
            period: 2023,
            paths: vec![
                s("progress/2023/eco-env.yaml"),
                s("progress/2024/eco-env.yaml"),
            ],
            role: DuplicateRole::Copy {
                on_record: s("progress/2023/eco-env.yaml"),
                folder: 2024,
            },
        },
        ReportMsg::PathYear {
            period: 2023,
            year: 2022,
            on_record: None,
        },
        ReportMsg::PathYear {
            period: 2023,
            year: 2024,
            on_record: Some(s("progress/2023/health.yaml")),
        },
        ReportMsg::PathName {
            department: s("eco-env"),
            stem: s("health"),
        },
        ReportMsg::UnknownDepartment {
            department: s("区生态环境局"),
            hint: DeptHint::Name {
                code: s("eco-env"),
                reported_by: None,
            },
        },
        ReportMsg::UnknownDepartment {
            department: s("区林业局"),
            hint: DeptHint::Name {
                code: s("natural-resources"),
                reported_by: Some(s("区自然资源局")),
            },
        },
        ReportMsg::UnknownDepartment {
            department: s("eco-evn"),
            hint: DeptHint::Closest(s("eco-env")),
        },
        ReportMsg::UnknownDepartment {
            department: s("x"),
            hint: DeptHint::None(vec![(s("drc"), s("区发展和改革局"))]),
        },
    ]
}

fn plausible_samples() -> Vec<PlausibleMsg> {
    use crate::model::plan::plausibility::Change;
    let prev = Prev {
        value: 97.6,
        year: 2023,
        from_plan: false,
    };
    let count = || Ind {
        name: s("非法转移倾倒固体废物事件"),
        id: s("T073"),
        unit: s("起"),
    };
    let change =
        |change, reading: Option<&str>, binding, confirmed_other| PlausibleMsg::ImplausibleChange {
            ind: count(),
            value: 3000.0,
            prev: Prev { value: 0.0, ..prev },
            change,
            reading: reading.map(str::to_string),
            binding,
            approver: s("区发展和改革局"),
            confirmed_other,
        };
    vec![
        PlausibleMsg::NotWhole {
            ind: count(),
            value: 2.5,
        },
        PlausibleMsg::UnitSlip {
            ind: ind(),
            written: s("0.979"),
            meant: s("97.9"),
            why: Impossible::Fraction { prev },
            approver: s("区发展和改革局"),
        },
        PlausibleMsg::UnitSlip {
            ind: Ind {
                unit: s("平方米"),
                ..ind()
            },
            written: s("156"),
            meant: s("15.6"),
            why: Impossible::OutOfRange {
                min: Some(0.0),
                max: Some(60.0),
            },
            approver: s("区发展和改革局"),
        },
        change(Change::Difference(20.0), Some("3"), false, None),
        change(Change::Ratio(1.5), None, true, None),
        change(Change::Points(15.0), None, false, Some(300.0)),
        change(Change::Increment(10.0), None, false, None),
        change(Change::IncrementOfTarget(1.0), None, false, None),
        PlausibleMsg::Inconsistent {
            ind: Ind {
                name: s("经济增速(地区生产总值增长率)"),
                id: s("T079"),
                unit: s("%"),
            },
            value: 8.9,
            other: Ind {
                name: s("地区生产总值年均增长"),
                id: s("I01"),
                unit: s("%"),
            },
            other_value: 8.6,
            period: 2023,
            other_report: Some(s("progress/2023/stats.yaml")),
        },
    ]
}

fn indicator_samples() -> Vec<IndicatorMsg> {
    let prev = |from_plan| Prev {
        value: 97.5,
        year: 2022,
        from_plan,
    };
    vec![
        IndicatorMsg::Regression {
            ind: ind(),
            direction: Direction::HigherIsBetter,
            prev: prev(false),
            value: 96.9,
            period: 2023,
            approver: s("区发展和改革局"),
            floor: None,
        },
        IndicatorMsg::Regression {
            ind: ind(),
            direction: Direction::LowerIsBetter,
            prev: prev(true),
            value: 98.9,
            period: 2023,
            approver: s("区发展和改革局"),
            floor: None,
        },
        IndicatorMsg::Regression {
            ind: ind(),
            direction: Direction::HigherIsBetter,
            prev: prev(true),
            value: 41.7,
            period: 2021,
            approver: s("区发展和改革局"),
            floor: Some(41.68),
        },
        IndicatorMsg::TargetBreach {
            ind: ind(),
            value: 41.5,
            period: 2023,
            target: 41.68,
            target_text: s("41.68"),
            comparison: Comparison::AtLeast,
            band: None,
            binding: true,
        },
        IndicatorMsg::TargetBreach {
            ind: ind(),
            value: 52.0,
            period: 2023,
            target: 60.0,
            target_text: s("保持在60%左右"),
            comparison: Comparison::About,
            band: Some((57.0, 63.0)),
            binding: false,
        },
        IndicatorMsg::TargetBreach {
            ind: ind(),
            value: 100.0,
            period: 2025,
            target: 100.0,
            target_text: s("超过100亿元"),
            comparison: Comparison::MoreThan,
            band: None,
            binding: false,
        },
        IndicatorMsg::TargetBreach {
            ind: ind(),
            value: 3.0,
            period: 2025,
            target: 3.0,
            target_text: s("低于3"),
            comparison: Comparison::LessThan,
            band: None,
            binding: false,
        },
        IndicatorMsg::AverageBreach {
            ind: ind(),
            average: 7.9,
            first: 2021,
            period: 2025,
            target_text: s("8.5以上"),
            missing: vec![2022],
            binding: false,
        },
        IndicatorMsg::AverageBreach {
            ind: ind(),
            average: 7.9,
            first: 2021,
            period: 2025,
            target_text: s("8.5以上"),
            missing: vec![],
            binding: true,
        },
        IndicatorMsg::TargetBreach {
            ind: ind(),
            value: 5.5,
            period: 2023,
            target: 5.0,
            target_text: s("5以内"),
            comparison: Comparison::AtMost,
            band: None,
            binding: false,
        },
        IndicatorMsg::BehindRate {
            ind: ind(),
            average: 6.1,
            first: 2021,
            period: 2023,
            target: 8.5,
            gap: -2.4,
            value: 5.9,
            missing: vec![],
        },
        IndicatorMsg::BehindRate {
            ind: ind(),
            average: 6.1,
            first: 2021,
            period: 2024,
            target: 8.5,
            gap: -2.4,
            value: 5.9,
            missing: vec![2022, 2023],
        },
        IndicatorMsg::BehindPath {
            ind: ind(),
            value: 96.0,
            period: 2023,
            baseline: 96.48,
            baseline_year: 2020,
            target: 98.0,
            target_year: 2025,
            expected: 97.39,
            gap: -1.39,
        },
        IndicatorMsg::RequirementMissing {
            ind: ind(),
            target_text: s("达到省要求"),
            period: 2023,
            approvers: vec![s("区发展和改革局")],
        },
        IndicatorMsg::RequirementNotMet {
            ind: ind(),
            value: 1.8,
            period: 2023,
            required: 2.0,
            comparison: Comparison::AtLeast,
            decision: s("R2023-I18"),
            document: s("黔环发〔2023〕12号"),
        },
        IndicatorMsg::RequirementNotMet {
            ind: ind(),
            value: 3.0,
            period: 2023,
            required: 2.0,
            comparison: Comparison::AtMost,
            decision: s("R2023-I30"),
            document: s("筑府发〔2023〕5号"),
        },
        IndicatorMsg::CumulativeDecrease {
            ind: ind(),
            prev: prev(false),
            value: 3.0,
            period: 2023,
            start: 2021,
        },
        IndicatorMsg::Implausible {
            ind: ind(),
            value: 976.0,
            min: Some(0.0),
            min_exclusive: false,
            max: Some(100.0),
            rate: false,
        },
        IndicatorMsg::Implausible {
            ind: ind(),
            value: 45000.0,
            min: Some(-100.0),
            min_exclusive: true,
            max: Some(100.0),
            rate: true,
        },
        IndicatorMsg::Implausible {
            ind: ind(),
            value: -100.0,
            min: Some(-100.0),
            min_exclusive: true,
            max: None,
            rate: true,
        },
        IndicatorMsg::Implausible {
            ind: Ind {
                unit: s(""),
                ..ind()
            },
            value: -1.0,
            min: Some(0.0),
            min_exclusive: false,
            max: None,
            rate: false,
        },
        IndicatorMsg::Implausible {
            ind: Ind {
                unit: s("岁"),
                ..ind()
            },
            value: 200.0,
            min: None,
            min_exclusive: false,
            max: Some(120.0),
            rate: false,
        },
        IndicatorMsg::Missing {
            ind: ind(),
            department: s("eco-env"),
            period: 2023,
        },
        IndicatorMsg::Missing {
            ind: Ind {
                unit: s(""),
                ..ind()
            },
            department: s("eco-env"),
            period: 2023,
        },
        IndicatorMsg::BindingPending { ind: ind() },
        IndicatorMsg::PendingExpired {
            ind: ind(),
            expected_by: s("2024-06-30"),
            today: s("2025-01-10"),
        },
        IndicatorMsg::PendingTooLate {
            ind: ind(),
            expected_by: s("2026-03-31"),
            period: 2024,
            latest: s("2025-12-31"),
        },
        IndicatorMsg::RequirementInconsistent {
            ind: ind(),
            period: 2023,
            value: -10.0,
            required: 2.0,
            decision: s("R2023-I18"),
        },
    ]
}

fn project_samples() -> Vec<ProjectMsg> {
    vec![
        ProjectMsg::Transition {
            project: proj(),
            from: ProjectStatus::Completed,
            from_period: 2022,
            to: ProjectStatus::UnderConstruction,
            period: 2023,
            allowed: vec![],
        },
        ProjectMsg::Transition {
            project: proj(),
            from: ProjectStatus::Planned,
            from_period: 2022,
            to: ProjectStatus::Cancelled,
            period: 2023,
            allowed: vec![ProjectStatus::Preparing, ProjectStatus::Suspended],
        },
        ProjectMsg::Decrease {
            project: proj(),
            measure: Measure::Progress,
            before: 65.0,
            before_period: 2022,
            now: 60.0,
            period: 2023,
        },
        ProjectMsg::Decrease {
            project: proj(),
            measure: Measure::Investment,
            before: 3.2,
            before_period: 2022,
            now: 2.1,
            period: 2023,
        },
        ProjectMsg::CompletedLacks {
            project: proj(),
            lacks: vec![
                ProjProblem::NoCompletedDate,
                ProjProblem::NoEvidence,
                ProjProblem::Progress(95.0),
            ],
        },
        ProjectMsg::StartedAfterCompleted {
            project: proj(),
            started: s("2023-05-01"),
            completed: s("2022-12-30"),
        },
        ProjectMsg::AfterSubmission {
            project: proj(),
            field: DateField::Completed,
            date: s("2024-03-01"),
            submitted: s("2024-01-18"),
        },
        ProjectMsg::TooEarly {
            project: proj(),
            field: DateField::Started,
            date: s("2003-01-01"),
            min: s("2016-01-01"),
            years: 5,
        },
        ProjectMsg::Overrun {
            project: proj(),
            done: 4.1,
            planned: 3.2,
        },
        ProjectMsg::Missing {
            project: proj(),
            department: s("water"),
            period: 2023,
        },
        ProjectMsg::FieldDropped {
            project: proj(),
            dropped: vec![
                (s("investment.planned_total"), s("35.1")),
                (s("started"), s("2022-03-01")),
            ],
            before_period: 2023,
            period: 2024,
        },
    ]
}

fn history_samples() -> Vec<HistoryMsg> {
    vec![
        HistoryMsg::Rewritten {
            path: s("progress/2023/eco-env.yaml"),
            key: Some(s("indicators")),
            office: vec![s("区发展和改革局")],
        },
        HistoryMsg::Rewritten {
            path: s("progress/2023/eco-env.yaml"),
            key: None,
            office: vec![s("区发展和改革局")],
        },
        HistoryMsg::NotApproved {
            path: s("progress/2022/eco-env.yaml"),
            key: s("I14"),
            decision: s("D2025-004"),
            deviation: Deviation::Figure {
                field: s("value"),
                approved: s("97.4"),
                written: Some(s("97.2")),
            },
        },
        HistoryMsg::NotApproved {
            path: s("progress/2022/eco-env.yaml"),
            key: s("I14"),
            decision: s("D2025-004"),
            deviation: Deviation::Figure {
                field: s("value"),
                approved: s("97.4"),
                written: None,
            },
        },
        HistoryMsg::NotApproved {
            path: s("progress/2022/eco-env.yaml"),
            key: s("I14"),
            decision: s("D2025-004"),
            deviation: Deviation::Unlisted {
                field: s("source"),
                listed: vec![s("value")],
            },
        },
        HistoryMsg::NotApproved {
            path: s("progress/2022/eco-env.yaml"),
            key: s("T073"),
            decision: s("D2025-004"),
            deviation: Deviation::Removed,
        },
        HistoryMsg::NotApproved {
            path: s("progress/2022/eco-env.yaml"),
            key: s("T073"),
            decision: s("D2025-004"),
            deviation: Deviation::Kept,
        },
        HistoryMsg::Deleted {
            path: s("progress/2022/eco-env.yaml"),
            base: s("3ad0bd4780363ad6"),
            office: vec![s("区发展和改革局")],
        },
        HistoryMsg::RulesChanged {
            what: Changed::Config,
            path: s("plan-lint.toml"),
            base: s("3ad0bd478036"),
            office: Vec::new(),
        },
        HistoryMsg::RulesChanged {
            what: Changed::PlanDirectory,
            path: s("plans/next"),
            base: s("3ad0bd478036"),
            office: Vec::new(),
        },
        HistoryMsg::RulesChanged {
            what: Changed::PlanFile,
            path: s("plans/next/rules.yaml"),
            base: s("3ad0bd478036"),
            office: Vec::new(),
        },
        HistoryMsg::RulesChanged {
            what: Changed::Register,
            path: s("decisions/2025.yaml"),
            base: s("3ad0bd478036"),
            office: Vec::new(),
        },
    ]
}

fn decision_samples() -> Vec<DecisionMsg> {
    vec![
        DecisionMsg::Unreadable {
            error: s("permission denied"),
        },
        DecisionMsg::DuplicateId { id: s("D2025-003") },
        DecisionMsg::UnknownPlan {
            plan: s("nanming-13th"),
            loaded: vec![s("nanming-14th-fyp")],
        },
        DecisionMsg::NoPlanForPeriod { period: 2031 },
        DecisionMsg::PeriodOutsidePlan {
            period: 2019,
            plan: s("nanming-14th-fyp"),
            start: 2021,
            end: 2025,
        },
        DecisionMsg::UnknownDepartment {
            department: s("区生态环境局"),
            plan: s("nanming-14th-fyp"),
            suggestion: Some(s("eco-env")),
        },
        DecisionMsg::UnknownDepartment {
            department: s("xyz"),
            plan: s("nanming-14th-fyp"),
            suggestion: None,
        },
        DecisionMsg::NotAnApprover {
            approved_by: s("区生态环境局"),
            approvers: vec![s("区发展和改革局")],
        },
        DecisionMsg::UnknownRule {
            rule: s("PL2O1"),
            suggestion: Some(s("PL201")),
        },
        DecisionMsg::UnknownRule {
            rule: s("PL999"),
            suggestion: None,
        },
        DecisionMsg::NotSuppressible {
            code: s("PL206"),
            name: s("cumulative-decrease"),
            plan: s("nanming-14th-fyp"),
        },
        DecisionMsg::UnknownTarget {
            target: s("I99"),
            plan: s("nanming-14th-fyp"),
        },
        DecisionMsg::NotRelative {
            target: s("I15"),
            name: s("森林覆盖率"),
        },
        DecisionMsg::ValueRequired {
            code: s("PL201"),
            target: s("I15"),
        },
        DecisionMsg::DuplicateRequirement {
            target: s("I18"),
            period: 2023,
            first: s("R2023-I18"),
        },
        DecisionMsg::DuplicateEntry { target: s("I14") },
        DecisionMsg::NotAField {
            field: s("status"),
            target: s("I14"),
            project: false,
            fields: vec![s("value"), s("source")],
        },
        DecisionMsg::NotAField {
            field: s("value"),
            target: s("P1126"),
            project: true,
            fields: vec![s("status"), s("progress")],
        },
        DecisionMsg::RemoveWithFields { target: s("T073") },
        DecisionMsg::Outdated {
            id: s("D2025-004"),
            targets: vec![s("I14"), s("P1126")],
            template: s("entries: [{target: I14, value: <figure>}]"),
            all: false,
        },
        DecisionMsg::Outdated {
            id: s("V2022-eco-env"),
            targets: vec![s("all")],
            template: s("entries: [{target: <id>, value: <figure>}]"),
            all: true,
        },
        DecisionMsg::Unused {
            id: s("D2025-003"),
            kind: "suppression",
        },
    ]
}

fn suppression_samples() -> Vec<SuppressionMsg> {
    vec![
        SuppressionMsg::NotByReport {
            code: s("PL211"),
            name: s("implausible-change"),
            target: s("T073"),
            approvers: vec![s("区发展和改革局")],
        },
        SuppressionMsg::NotByReport {
            code: s("PL212"),
            name: s("unit-slip"),
            target: s("I14"),
            approvers: vec![s("区发展和改革局")],
        },
        SuppressionMsg::NoReason {
            rule: s("PL201"),
            target: s("I14"),
        },
        SuppressionMsg::UnknownRule {
            rule: s("PL2O1"),
            suggestion: Some(s("PL201")),
        },
        SuppressionMsg::UnknownRule {
            rule: s("x"),
            suggestion: None,
        },
        SuppressionMsg::UnknownTarget { target: s("I99") },
        SuppressionMsg::NotSuppressible {
            code: s("PL207"),
            name: s("implausible-value"),
            plan_rule: true,
        },
        SuppressionMsg::NotSuppressible {
            code: s("PL101"),
            name: s("unknown-indicator"),
            plan_rule: false,
        },
        SuppressionMsg::BindingInReport {
            code: s("PL201"),
            target: s("I15"),
            approved_by: Some(s("区发展和改革局")),
            approvers: vec![s("区发展和改革局")],
        },
        SuppressionMsg::BindingInReport {
            code: s("PL208"),
            target: s("I15"),
            approved_by: None,
            approvers: vec![s("区发展和改革局")],
        },
        SuppressionMsg::Expired {
            code: s("PL203"),
            target: s("I01"),
            until: s("2024-12-31"),
            submitted: s("2025-01-15"),
        },
        SuppressionMsg::Unused {
            code: s("PL203"),
            target: s("I02"),
        },
    ]
}

fn note_samples() -> Vec<Note> {
    vec![
        Note::SameMeasure { id: s("I01") },
        Note::FirstDefined,
        Note::IndentUnder {
            parent: s("requirement"),
        },
        Note::FirstEntry,
        Note::AnotherReport { period: 2023 },
        Note::PlanResponsible {
            department: s("eco-env"),
            id: s("I14"),
        },
        Note::PreviousValue {
            value: 97.5,
            unit: s("%"),
            year: 2022,
        },
        Note::PreviousTotal {
            value: 3.0,
            unit: s("万人"),
            year: 2022,
        },
        Note::AveragedRate {
            value: 6.0,
            unit: s("%"),
            year: 2021,
        },
        Note::EarlierFigure {
            value: 65.0,
            unit: s("%"),
            year: 2022,
        },
        Note::StatusWas {
            status: ProjectStatus::Completed,
            year: 2022,
        },
        Note::Completed,
        Note::Submitted,
        Note::SubmittedOn {
            date: s("2024-01-18"),
        },
        Note::PlannedTotal,
        Note::Requirement,
        Note::Decision {
            id: s("R2024-I17"),
            value: Some(3.1),
            unit: s("%"),
        },
        Note::Decision {
            id: s("D2025-003"),
            value: None,
            unit: s("%"),
        },
        Note::PlanTarget { text: s("98") },
        Note::PlanTargetFor {
            text: s("98"),
            year: 2025,
        },
        Note::PlanUnit { id: s("I16") },
        Note::CatalogName { id: s("P0901") },
        Note::NonSuppressible,
        Note::AsAccepted,
        Note::SeedLine { line: 92 },
    ]
}

fn text_samples() -> Vec<Text> {
    let counts = Counts {
        errors: 2,
        warnings: 1,
        files: 15,
        suppressed: 1,
    };
    vec![
        Text::SeedNotFound {
            plan: s("nanming-15th-fyp"),
            seed: s("15th.txt"),
            tried: vec![s("plans/15th/15th.txt"), s("seeds/15th.txt")],
        },
        Text::SeedUnreadable {
            path: s("seeds/15th.txt"),
            error: OsError {
                kind: std::io::ErrorKind::InvalidData,
                text: s("stream did not contain valid UTF-8"),
            },
        },
        Text::PlausibilityDefaults {
            plan: s("nanming-15th-fyp"),
            ids: vec![s("I01"), s("T004")],
        },
        Text::ScanNotRun {
            plan: s("nanming-15th-fyp"),
            path: s("rules/nanming-15th-fyp/provenance/catalog-accounting.yaml"),
        },
        Text::DraftBadId {
            id: s("Nanming 15th"),
        },
        Text::DraftNoTable,
        Text::DraftDirNotEmpty {
            path: s("rules/nanming-15th-fyp"),
        },
        Text::Drafted {
            path: s("rules/nanming-15th-fyp"),
            indicators: 27,
            targets: 90,
            projects: 200,
            departments: 2,
            marks: 1500,
        },
        Text::Summary(counts),
        Text::Summary(Counts {
            errors: 1,
            files: 1,
            ..Counts::default()
        }),
        Text::GithubSummary(counts),
        Text::HelpPrefix,
        Text::RelatedHeading,
        Text::RelatedIn {
            note: s("第一个条目"),
            path: s("a.yaml"),
        },
        Text::RelatedTooLong {
            note: s("第一个条目"),
            place: s("a.yaml:3:1"),
        },
        Text::RelatedGone {
            note: s("接受时的内容"),
            path: s("a.yaml"),
        },
        Text::TooLong {
            place: s("a.yaml:3:1"),
            message: s("键“value”重复"),
        },
        Text::InFile {
            path: s("a.yaml"),
            message: s("文件是空的"),
        },
        Text::StepCounts(counts),
        Text::StepOtherFiles,
        Text::StepDepartmentHeader,
        Text::StepRuleHeader,
        Text::StepBindingHeader,
        Text::Met,
        Text::Missed {
            codes: vec![s("PL201"), s("PL202")],
        },
        Text::ErrorPrefix,
        Text::WarningPrefix,
        Text::CannotContinue {
            stage: Stage::ReadConfig,
        },
        Text::CannotContinue {
            stage: Stage::ApplyConfig,
        },
        Text::CannotContinue {
            stage: Stage::LoadPlan,
        },
        Text::CannotContinue {
            stage: Stage::LoadDecisions,
        },
        Text::NoSchema { name: s("x") },
        Text::NoRule {
            code: s("PL2O1"),
            suggestion: Some(s("PL201")),
        },
        Text::NoRule {
            code: s("x"),
            suggestion: None,
        },
        Text::PlanLoadedTwice {
            id: s("nanming-14th-fyp"),
            dir: s("plans/copy"),
        },
        Text::BadToday {
            today: s("2024-13-01"),
        },
        Text::StdinUnreadable {
            error: OsError {
                kind: std::io::ErrorKind::BrokenPipe,
                text: s("Broken pipe"),
            },
        },
        Text::StepSummaryUnwritable {
            path: s("/x"),
            error: s("Permission denied"),
        },
        Text::Internal {
            file: s("a.yaml"),
            what: s("index out of bounds"),
        },
        Text::NoMatch {
            arg: s("progress/2030"),
        },
        Text::DataRootMissing {
            root: s("progress"),
        },
        Text::NoDataRoot {
            root: s("progress"),
        },
        Text::DecisionsMisplaced {
            dir: s("progress/decisions"),
            in_data_root: true,
        },
        Text::DecisionsMisplaced {
            dir: s("/elsewhere/decisions"),
            in_data_root: false,
        },
        Text::DecisionsMissing { dir: s("decisons") },
        Text::StatusDataRootMissing {
            root: s("progress"),
        },
        Text::Base {
            rev: s("origin/main"),
            error: Box::new(Text::GitFailed {
                args: s("merge-base HEAD origin/main"),
                stderr: s("fatal: Not a valid object name origin/main"),
                code: Some(128),
            }),
        },
        Text::NoMergeBase {
            rev: s("origin/main"),
            why: NoMergeBase::NotACommit { shallow: false },
        },
        Text::NoMergeBase {
            rev: s("origin/main"),
            why: NoMergeBase::NotACommit { shallow: true },
        },
        Text::NoMergeBase {
            rev: s("origin/main"),
            why: NoMergeBase::Shallow,
        },
        Text::NoMergeBase {
            rev: s("origin/main"),
            why: NoMergeBase::Unrelated,
        },
        Text::BaseChecked {
            rev: s("origin/main"),
            commit: s("3ad0bd478036"),
        },
        Text::BaseNotChecked {
            rev: s("origin/main"),
            why: Box::new(Text::NoMergeBase {
                rev: s("origin/main"),
                why: NoMergeBase::Shallow,
            }),
        },
        Text::NotACheckout { dir: s(".") },
        Text::GitBlobMissing {
            path: s("progress/2022/eco-env.yaml"),
            commit: s("3ad0bd478036"),
        },
        Text::GitPathUnnamed {
            path: s("progress/2022/x\\ny/eco-env.yaml"),
            at: Some(s("3ad0bd478036")),
        },
        Text::GitPathUnnamed {
            path: s("progress/2022/\\xff/eco-env.yaml"),
            at: None,
        },
        Text::GitCannotRun {
            error: s("No such file or directory"),
        },
        Text::GitFailed {
            args: s("rev-parse --show-toplevel"),
            stderr: s("fatal: not a git repository"),
            code: Some(128),
        },
        Text::GitFailed {
            args: s("merge-base HEAD 3ad0bd478036"),
            stderr: s(""),
            code: Some(1),
        },
        Text::GitFailed {
            args: s("cat-file --batch"),
            stderr: s(""),
            code: None,
        },
        Text::CannotWrite {
            path: s("/tmp/x"),
            error: OsError {
                kind: std::io::ErrorKind::PermissionDenied,
                text: s("Permission denied"),
            },
        },
        Text::ConfigAtBase {
            commit: s("3ad0bd478036"),
            first: Some(Box::new(Msg::Plan(PlanMsg::InvalidToml {
                detail: s("expected `=`"),
            }))),
        },
        Text::FileExists {
            path: s("a.yaml"),
            given: None,
        },
        Text::FileExists {
            path: s("progress/2024/eco-env.yaml"),
            given: Some(s("progress/2024/ECO-ENV.YAML")),
        },
        Text::OutputInDataRoot {
            path: s("progress/2024/eco-env.yaml"),
            root: s("progress"),
        },
        Text::OutputNotItsPlace {
            path: s("progress/2024/新报告.yaml"),
            place: s("progress/2024/eco-env.yaml"),
            department: s("eco-env"),
            period: 2024,
        },
        Text::ReportExists {
            path: s("progress/2024/eco-env.yaml"),
        },
        Text::SchemaCopyMissing {
            path: s("schemas/report.schema.json"),
        },
        Text::SchemaCopyDiffers {
            path: s("schemas/report.schema.json"),
        },
        Text::Wrote { path: s("a.yaml") },
        Text::OneWorkbook,
        Text::WorkbookNeedsOutput,
        Text::ConvertWhat { path: s("a.txt") },
        Text::CellPlace {
            path: s("填报.xlsx"),
            sheet: s("指标"),
            cell: s("F7"),
            row: Some(s("I06 常住人口城镇化率")),
        },
        Text::RelatedAt {
            note: s("first here"),
            place: s("填报.xlsx › 指标!A9"),
        },
        Text::PlanNotLoaded { id: s("x") },
        Text::PlanNotLoadedOf {
            id: s("x"),
            loaded: vec![s("nanming-14th-fyp")],
        },
        Text::NoPlan,
        Text::NotInRegistry {
            department: s("x"),
            plan: s("nanming-14th-fyp"),
            departments: vec![(s("eco-env"), s("区生态环境局"))],
        },
        Text::PeriodOutside {
            period: 2026,
            start: 2021,
            end: 2025,
        },
        Text::NoPlanHolds {
            period: 2031,
            plans: vec![
                (s("nanming-14th-fyp"), 2021, 2025),
                (s("nanming-15th-fyp"), 2026, 2030),
            ],
        },
        Text::SeveralPlansHold {
            period: 2026,
            plans: vec![s("nanming-15th-fyp"), s("nanming-15th-draft")],
        },
        Text::StatusPeriodOutside {
            period: 2026,
            start: 2021,
            end: 2025,
        },
        Text::BadAttribute { attribute: s("x") },
    ]
}

fn status_samples() -> Vec<StatusText> {
    use StatusText as S;
    let years = || vec![s("2021"), s("2022")];
    let mut all = vec![
        S::Excepted { id: s("D2025-003") },
        S::Confirmed,
        S::ConfirmationsHeading { year: 2024 },
        S::ConfirmationsHeader,
        S::NoFinalValue {
            end: 2025,
            value: s("97.6%"),
            year: 2023,
        },
        S::NotDue {
            value: s("1990 亿元"),
            year: 2025,
            target_text: s("2000亿元以上"),
            target_year: 2035,
        },
        S::FinalTitle {
            start: 2021,
            end: 2025,
            name: s("南明区“十四五”规划"),
        },
        S::FinalRule { end: 2025 },
        S::SheetName(Sheet::Indicators),
        S::SheetName(Sheet::Projects),
        S::SheetName(Sheet::Departments),
        S::SheetName(Sheet::Missing),
        S::SheetName(Sheet::Decisions),
        S::Heading(Header::Plan),
        S::Heading(Header::Indicator),
        S::Heading(Header::PlannedTotal),
        S::Heading(Header::ApprovedBy),
        S::AttributeName(crate::model::plan::Attribute::Binding),
        S::AttributeName(crate::model::plan::Attribute::Expected),
        S::Yes,
        S::XlsxNeedsOutput,
        S::ReportedBy {
            alias: s("区林业局"),
            name: s("区自然资源局"),
            code: s("natural-resources"),
        },
        S::OtherPlans {
            shown: s("nanming-15th-example"),
            period: 2026,
            others: vec![(s("nanming-14th-fyp"), 2025)],
        },
        S::UnknownDepartment {
            given: s("eco-evn"),
            suggestion: Some(s("eco-env")),
        },
        S::UnknownDepartment {
            given: s("x"),
            suggestion: None,
        },
        S::DepartmentPart {
            name: s("区生态环境局"),
            code: s("eco-env"),
        },
        S::DepartmentsSection,
        S::AttentionHeading,
        S::AxisFrom { figure: s("41.6") },
        S::NoDataList { count: 58 },
        S::Notes,
        S::Filter,
        S::FilterCategory,
        S::FilterDepartment,
        S::FilterAll,
        S::FilterAllDepartments,
        S::AttentionSentence {
            listed: 5,
            suspended: 1,
            cancelled: 1,
            lagging: 3,
            share: s("100"),
            period: 2025,
        },
        S::LaggingMark {
            lagging: s("滞后")
        },
        S::Investment {
            completed: s("19.71"),
            planned: s("37.1"),
        },
        S::DepartmentsHeader,
        S::DecisionsHeading,
        S::DecisionsNone,
        S::DecisionsHeader,
        S::DecisionWhat {
            kind: "suppression",
            rule: Some(s("PL201")),
            targets: vec![s("I15")],
            value: Some(s("41.6")),
            source: None,
        },
        S::DecisionWhat {
            kind: "revision",
            rule: None,
            targets: vec![s("I14"), s("P1126")],
            value: None,
            source: None,
        },
        S::DecisionWhat {
            kind: "requirement",
            rule: None,
            targets: vec![s("I17")],
            value: Some(s("3.1%")),
            source: Some(s("筑府发〔2024〕5号")),
        },
        S::Band {
            points: s("10"),
            band: s("0.1"),
        },
        S::NoValueUpTo { period: 2023 },
        S::NoRequirement,
        S::MissedRequirement { years: years() },
        S::MetRequirement { years: years() },
        S::BrokeBound {
            sign: "≥",
            target: s("41.68%"),
            years: years(),
        },
        S::KeptBound {
            sign: "≤",
            target: s("5%"),
            years: years(),
        },
        S::RateAchieved {
            first: 2021,
            year: 2023,
            average: s("9.1%"),
            target: s("8.5%"),
            target_year: 2025,
        },
        S::RateAverage {
            first: 2021,
            year: 2023,
            average: s("6.1%"),
            count: 3,
            target: s("8.5%"),
            gaps: vec![],
        },
        S::RateAverage {
            first: 2021,
            year: 2024,
            average: s("6.1%"),
            count: 3,
            target: s("8.5%"),
            gaps: vec![s("2022")],
        },
        S::NotYetTarget {
            value: s("18.8%"),
            year: 2023,
            target_text: s("20%以上"),
            target_year: 2025,
        },
        S::MissedTarget {
            value: s("97.7%"),
            year: 2025,
            target_text: s("98"),
            target_year: 2025,
        },
        S::Flagged {
            years: vec![s("2023 (PL207)")],
        },
        S::InError {
            value: s("101%"),
            year: 2023,
            codes: s("PL207"),
        },
        S::FellFrom {
            previous: s("98.2%"),
            previous_year: 2024,
            year: 2025,
            code: s("PL201"),
        },
        S::CheckFound {
            years: vec![s("PL206 in 2023")],
        },
        S::MeetsTarget {
            value: s("98.2%"),
            year: 2023,
            target_text: s("98"),
        },
        S::OnPath {
            value: s("97.6%"),
            year: 2023,
            path: s("97.39%"),
            progress: s("73.7%"),
            time: s("60%"),
        },
        S::ProRata {
            value: s("10.5 万人"),
            year: 2023,
            progress: s("60%"),
            time: s("60%"),
            target_year: 2025,
        },
        S::RequirementShort { figure: s("2") },
        S::RequirementLong { figure: s("2") },
        S::Title {
            period: 2023,
            name: s("南明区“十四五”规划"),
        },
        S::Intro {
            id: s("nanming-14th-fyp"),
            start: 2021,
            end: 2025,
            baseline_year: 2020,
            files: 15,
            root: s("progress"),
            period: 2023,
        },
        S::SummaryHeading,
        S::SummaryHeader,
        S::Total,
        S::BindingIndicators,
        S::ExpectedIndicators,
        S::IndicatorHeader {
            baseline_year: 2020,
        },
        S::TargetStatusBasis,
        S::KeyProjects,
        S::ProjectsSentence {
            total: 60,
            columns: 12,
            reported: 40,
            period: 2023,
            completed: 10,
            rate: s("16.7%"),
        },
        S::ByColumn,
        S::ByDepartment,
        S::ColumnColumns,
        S::DepartmentColumns,
        S::Projects,
        S::Reported,
        S::NotReported,
        S::FigureUnreported,
        S::Completion,
        S::All,
        S::MissingHeading {
            start: 2021,
            period: 2023,
        },
        S::AllReported { departments: 12 },
        S::SomeMissing {
            missing: 2,
            departments: 12,
        },
        S::MissingHeader,
        S::Unreadable,
        S::BindingSection,
        S::ExpectedSection,
        S::KeyProjectsSection,
        S::PageTitle {
            period: 2023,
            name: s("南明区“十四五”规划"),
        },
        S::AsOf {
            period: 2023,
            id: s("nanming-14th-fyp"),
            start: 2021,
            end: 2025,
            baseline_year: 2020,
            files: 15,
            root: s("progress"),
        },
        S::BindingCount { count: 3 },
        S::LegendReported,
        S::LegendBaseline,
        S::LegendPath,
        S::LegendTarget,
        S::LegendRequirement,
        S::ChartTarget { figure: s("98") },
        S::AriaTarget {
            figure: s("98"),
            year: 2025,
        },
        S::NoValueReportedYet,
        S::NoValueYet,
        S::NoBaseline,
        S::Baseline {
            text: s("96.48"),
            when: s("2016–2020 average"),
        },
        S::BaselineWhen {
            kind: crate::model::plan::BaselineKind::PeriodAverage,
            year: 2020,
        },
        S::BaselineWhen {
            kind: crate::model::plan::BaselineKind::PeriodTotal,
            year: 2020,
        },
        S::BaselineWhen {
            kind: crate::model::plan::BaselineKind::Cap,
            year: 2020,
        },
        S::BaselineWhen {
            kind: crate::model::plan::BaselineKind::Level,
            year: 2020,
        },
        S::Target,
        S::CompletedBar {
            rate: s("50%"),
            completed: 1,
            of: 2,
            reported: 2,
        },
        S::CountsByColumn,
        S::CountsByDepartment,
        S::Footer {
            version: s("0.1.0"),
            plan: s("nanming-14th-fyp"),
            sha: s("3ad0bd478036"),
        },
    ];
    all.extend(ProjectStatus::ALL.map(S::ProjectStatus));
    all
}

fn data_samples() -> Vec<DataText> {
    use DataText as D;
    vec![
        D::SkeletonTitle {
            plan: s("南明区“十四五”规划"),
            period: 2024,
            department: s("区生态环境局"),
            code: s("eco-env"),
        },
        D::SkeletonFill,
        D::SubmittedComment,
        D::CarriedOver,
        D::IndicatorComment {
            name: s("空气质量优良率"),
            unit: s("%"),
            target: s("98"),
            target_year: 2025,
        },
        D::EarlierFigure {
            period: 2023,
            value: s("97.6"),
            path: s("progress/2023/eco-env.yaml"),
        },
        D::Earlier {
            period: 2023,
            value: s("under_construction"),
        },
        D::NoEarlierFigure,
        D::NoEarlierReport,
        D::ValueComment {
            kind: s("2024年的数值"),
            earlier: s("无往年数据"),
        },
        D::TotalSince { start: 2021 },
        D::GrowthThisYear,
        D::ReductionThisYear,
        D::RelativeFigure {
            unit: s("%"),
            reference: s("全市平均"),
            rank: false,
        },
        D::RelativeFigure {
            unit: s("名"),
            reference: s("全市"),
            rank: true,
        },
        D::LevelIn { period: 2024 },
        D::RequirementComment {
            period: 2024,
            target: s("达到省要求"),
        },
        D::SourceComment,
        D::ProjectComment {
            name: s("南明河滨河经济带建设项目"),
            column: s("专栏5-2"),
        },
        D::StatusComment {
            last: s("无往年报告"),
        },
        D::CarriedFrom { period: 2023 },
        D::ReportedBy {
            alias: s("区林业局"),
            name: s("区自然资源局"),
            code: s("natural-resources"),
        },
        D::InvestmentComment,
        D::CompletedToDateComment {
            last: s("2023年：17.71"),
        },
        D::ProgressComment {
            last: s("2023年：60"),
        },
        D::PlanHeader {
            id: s("nanming-14th-fyp"),
            name: s("南明区“十四五”规划"),
            start: 2021,
            end: 2025,
            baseline_year: 2020,
            approvers: vec![s("区发展和改革局")],
        },
        D::Indicators { count: 27 },
        D::IndicatorFacts {
            baseline: s("96.48"),
            target: s("98"),
            target_year: 2025,
            department: s("eco-env"),
            source: s("专栏2-1 序号14"),
        },
        D::Projects { count: 60 },
        D::Departments { count: 12 },
        D::DepartmentCounts {
            indicators: 7,
            projects: 3,
        },
    ]
}

fn verify_samples() -> Vec<VerifyMsg> {
    use VerifyMsg as V;
    let table = || s("专栏2-1");
    vec![
        V::LineOutOfRange {
            line: 700,
            lines: 620,
        },
        V::PlanNameUncited,
        V::NotAtLine {
            what: Quoted::PlanName,
            text: s("南明区规划"),
            line: 2,
        },
        V::NotAtLine {
            what: Quoted::Sentence,
            text: s("建成5G基站200个"),
            line: 120,
        },
        V::NotAtLine {
            what: Quoted::Discrepancy,
            text: s("8.5%"),
            line: 60,
        },
        V::NotAtLine {
            what: Quoted::PassageText,
            text: s("约束性指标"),
            line: 92,
        },
        V::NotInSentence {
            what: Quoted::Reference,
            text: s("全市平均"),
            sentence: s("增速高于全省"),
        },
        V::NotInSentence {
            what: Quoted::TargetText,
            text: s("高于全市平均"),
            sentence: s("增速高于全省"),
        },
        V::PeriodNotStated {
            start: 2021,
            end: 2025,
        },
        V::Cell {
            field: s("baseline"),
            have: Some(s("41.75")),
            column: s("“十三五”完成"),
            cell: s("41.5"),
            line: 107,
        },
        V::Cell {
            field: s("baseline_text"),
            have: None,
            column: s("“十三五”完成"),
            cell: s("41.5"),
            line: 107,
        },
        V::UnitNeedsNote {
            cell: s("空气质量优良率"),
            unit: s("%"),
        },
        V::NoSentence {
            passage: s("第三章第一节"),
        },
        V::FigureNotInSentence {
            target: 200.0,
            sentence: s("建成5G基站300个"),
        },
        V::NotComposed {
            name: s("中坝卫生服务中心"),
            line: 300,
        },
        V::ColumnOrdinal {
            ordinal: 4,
            column: s("专栏3-1"),
            found: Some((250, s("专栏3-2"))),
            headers: 30,
        },
        V::ColumnOrdinal {
            ordinal: 40,
            column: s("专栏3-1"),
            found: None,
            headers: 30,
        },
        V::ColumnNotNamed {
            line: 251,
            column: s("专栏3-1"),
            nearest: Some((250, s("专栏3-2"))),
        },
        V::ColumnNotNamed {
            line: 3,
            column: s("专栏3-1"),
            nearest: None,
        },
        V::GroupCount {
            line: 300,
            count: 12,
            heading: s("卫生服务中心"),
            places: 11,
        },
        V::GroupQualifier {
            line: 300,
            heading: s("服务站"),
            ids: vec![s("P1201"), s("P1202")],
        },
        V::TableUnreadable {
            table: table(),
            line: Some(95),
        },
        V::TableUnreadable {
            table: table(),
            line: None,
        },
        V::NoSuchRow {
            table: table(),
            number: 28,
        },
        V::RowLine {
            table: table(),
            number: 14,
            cited: 106,
            line: 107,
        },
        V::RowId {
            table: table(),
            number: 14,
            expected: s("I14"),
        },
        V::NoColumn {
            table: table(),
            column: s("属性"),
        },
        V::NoCategory {
            table: table(),
            number: 1,
        },
        V::RowMissing {
            table: table(),
            number: 14,
            line: 107,
        },
        V::RowTwice {
            table: table(),
            number: 14,
            ids: vec![s("I14"), s("I28")],
        },
        V::BadPeriod {
            start: 2021,
            end: 2025,
            baseline_year: 2019,
        },
        V::DepartmentCode { code: s("Eco_Env") },
        V::DepartmentName { code: s("eco-env") },
        V::NoDepartments,
        V::Approver {
            name: s("区发改局"),
        },
        V::EmptyName { id: s("T001") },
        V::TargetYear {
            year: 2030,
            start: 2021,
            end: 2025,
        },
        V::EmptyRange { lo: 100.0, hi: 0.0 },
        V::OutsideRange {
            field: s("target"),
            value: 120.0,
            lo: Some(0.0),
            hi: Some(100.0),
        },
        V::OutsideRange {
            field: s("baseline"),
            value: -1.0,
            lo: Some(0.0),
            hi: None,
        },
        V::RelativeKind {
            reference: s("全市平均"),
        },
        V::NoFigureNoReference,
        V::FigureAndReference {
            target: 8.5,
            reference: s("全市平均"),
        },
        V::NoPassageText { code: s("PL201") },
        V::ReviewPending {
            entry: s("I01"),
            mark: s("kind: annual_rate, proposed from 年均增长 — confirm"),
        },
        V::TargetNotInText {
            target: 13.0,
            text: s("年均增长12%"),
        },
        V::NoComparative {
            sentence: s("保持经济增速"),
        },
        V::TargetYearStated {
            year: 2025,
            stated: vec![2022],
            end: 2025,
        },
        V::TargetYearStated {
            year: 2022,
            stated: vec![],
            end: 2025,
        },
        V::ProjectLine {
            line: 117,
            column: s("专栏3-1"),
            content: 116,
        },
        V::ProjectPassage {
            passage: s("专栏3-1"),
            expected: s("专栏3-1 “2+1+N”中高端商贸业布局"),
        },
        V::SentenceUnaccounted {
            line: 72,
            sentence: s("服务外包合同执行额年均增长13%"),
        },
        V::TokenUnaccounted {
            line: 72,
            token: s("13"),
            sentence: s("服务外包合同执行额年均增长13%"),
        },
        V::ItemUnaccounted {
            line: 116,
            column: s("专栏3-1"),
            item: s("“小店大脑”"),
        },
        V::TargetUnaccounted { id: s("T012") },
        V::ProjectUnaccounted {
            id: s("P0201"),
            name: s("“小店大脑”"),
        },
        V::AccountingUnreadable {
            error_en: s("a tab character where YAML expects spaces"),
            error_zh: s("YAML 需要空格的地方出现了制表符"),
        },
        V::AccountingKey {
            key: s("search/targets/name_patterns"),
        },
        V::RecordNotAtLine {
            line: 72,
            text: s("服务外包合同执行额年均增长13%"),
        },
        V::AimIsCandidate {
            line: 324,
            text: s("到2022年全面完成"),
        },
        V::UnknownId {
            line: 72,
            id: s("T999"),
        },
        V::RejectedOutcome {
            line: 72,
            outcome: s("not relevant"),
        },
        V::RejectedOutcome {
            line: 72,
            outcome: s(""),
        },
        V::RecordCitesElsewhere {
            line: 72,
            id: s("T012"),
            cited: 73,
        },
        V::RecordRelative {
            line: 70,
            id: s("T079"),
        },
        V::RecordComparison {
            line: 70,
            id: s("T079"),
            recorded: s("more_than 全市平均"),
        },
        V::RecordReference {
            line: 70,
            reference: s("全省"),
        },
        V::RecordMilestone {
            line: 80,
            year: 2022,
        },
        V::RecordDoesNotAccount {
            line: 72,
            token: s("13"),
            outcomes: vec![s("no figure: an aim")],
        },
        V::ItemColumn {
            line: 116,
            item: s("“小店大脑”"),
            recorded: s("专栏3-2 / 3"),
            column: s("专栏3-1 / 2"),
        },
        V::ItemPlaces {
            line: 130,
            item: s("花果(第一、第二、第三)"),
            places: 3,
            ids: vec![s("P0401")],
        },
        V::ItemNotNamed {
            line: 116,
            item: s("“小店大脑”"),
            id: s("P0202"),
            name: s("法院街"),
        },
        V::RelativeBaseline {
            reference: s("全市平均"),
        },
        V::RelativeComparison {
            comparison: s("AtLeast"),
            direction: s("HigherIsBetter"),
            unit: s("%"),
        },
        V::IdSequence {
            id: s("T013"),
            expected: s("T012"),
        },
        V::SeedOrder {
            id: s("T013"),
            line: 70,
            after: 72,
        },
        V::ProjectId {
            id: s("P201"),
            ordinal: 2,
        },
    ]
}

fn server_samples() -> Vec<ServerText> {
    use ServerText as S;
    vec![
        S::FixReplace { with: s("98") },
        S::FixConfirm { value: s("3000") },
        S::HoverPlausible {
            ind: ind(),
            min: Some(0.0),
            max: Some(100.0),
            whole: false,
            change: Some(crate::model::plan::plausibility::Change::Points(15.0)),
        },
        S::HoverPlausible {
            ind: Ind {
                unit: s("起"),
                ..ind()
            },
            min: Some(0.0),
            max: None,
            whole: true,
            change: None,
        },
        S::FixPending,
        S::FixAddIndicator {
            id: s("I14"),
            name: s("空气质量优良率"),
        },
        S::FixAddProject {
            id: s("P3-1-01"),
            name: s("南明河综合治理"),
        },
        S::HoverUnit { unit: s("%") },
        S::HoverBaseline {
            value: s("96.48"),
            year: 2020,
        },
        S::HoverTarget {
            value: s("97以上"),
            year: 2025,
        },
        S::HoverAttribute { binding: true },
        S::HoverAttribute { binding: false },
        S::HoverDepartment {
            code: s("eco-env"),
            name: s("区生态环境局"),
        },
        S::HoverLastValue {
            value: s("97.5%"),
            year: 2022,
        },
        S::HoverNoLastValue,
        S::HoverColumn {
            column: s("专栏5-2"),
        },
        S::HoverPlanLine {
            plan: s("贵阳市南明区国民经济和社会发展第十四个五年规划和2035年远景目标纲要"),
            line: 120,
            passage: s("专栏2-1 序号14"),
        },
        S::CompleteIndicator {
            name: s("空气质量优良率"),
            unit: s("%"),
        },
        S::CompleteProject {
            name: s("南明河综合治理"),
            column: s("专栏5-2"),
        },
        S::CompleteDepartment {
            name: s("区发展和改革局"),
            aliases: vec![s("区发改局")],
        },
        S::CompleteDepartment {
            name: s("区生态环境局"),
            aliases: vec![],
        },
        S::CompleteStatus {
            status: ProjectStatus::Completed,
        },
        S::ServerBadParams {
            method: s("textDocument/hover"),
            detail: s("missing field `position`"),
        },
        S::ServerUnknownRequest {
            method: s("textDocument/rename"),
        },
        S::ServerNotStarted {
            detail: s("no initialize request"),
        },
        S::ServerInternal,
    ]
}

fn msg_samples() -> Vec<Msg> {
    let mut all: Vec<Msg> = load_samples().into_iter().map(Msg::from).collect();
    all.extend(file_samples().into_iter().map(Msg::from));
    all.extend(schema_samples().into_iter().map(Msg::from));
    all.extend(plan_samples().into_iter().map(Msg::from));
    all.extend(report_samples().into_iter().map(Msg::from));
    all.extend(indicator_samples().into_iter().map(Msg::from));
    all.extend(plausible_samples().into_iter().map(Msg::from));
    all.extend(project_samples().into_iter().map(Msg::from));
    all.extend(history_samples().into_iter().map(Msg::from));
    all.extend(suppression_samples().into_iter().map(Msg::from));
    all.extend(decision_samples().into_iter().map(Msg::from));
    all.extend(verify_samples().into_iter().map(Msg::from));
    all
}

pub(crate) fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_diagnostic_text_exists_in_both_languages_and_the_chinese_is_chinese() {
    for m in msg_samples() {
        let (en, zh) = (m.texts(Lang::En), m.texts(Lang::Zh));
        for t in [&en, &zh] {
            assert!(!t.message.trim().is_empty(), "no message: {m:?}");
            assert!(!t.help.trim().is_empty(), "no help: {m:?}");
        }
        assert!(has_cjk(&zh.message), "message not Chinese: {}", zh.message);
        assert!(has_cjk(&zh.help), "help not Chinese: {}", zh.help);
        assert_ne!(en.message, zh.message, "{m:?}");
        assert_ne!(en.help, zh.help, "{m:?}");
        // A label in one language is a label in the other.
        assert_eq!(en.label.is_empty(), zh.label.is_empty(), "{m:?}");
        if !zh.label.is_empty() {
            assert!(has_cjk(&zh.label), "label not Chinese: {}", zh.label);
        }
        // Chinese text uses full-width punctuation.
        for t in [&zh.message, &zh.help, &zh.label] {
            assert!(!t.contains("\u{201c} ") && !t.contains(" \u{201d}"), "{t}");
        }
    }
}

fn basis_samples() -> Vec<Basis> {
    vec![
        Basis::Word(s("年均增长")),
        Basis::Default,
        Basis::DefaultPlausibility,
        Basis::AtOrWorse,
        Basis::TextTarget,
        Basis::Unit(s("%")),
        Basis::Placeholder,
        Basis::Line {
            line: 501,
            text: s("群众安全感指数维持在95%以上"),
        },
        Basis::Cut(s("到2025年,地区生产总值达到1300亿元以上")),
        Basis::Composed {
            item: s("金地卫生3处服务站"),
            qualifier: s("卫生"),
        },
        Basis::NoAttribute,
        Basis::PeriodEnd,
        Basis::NotRead(vec![s("2020年"), s("9.9")]),
        Basis::Past,
        Basis::SeveralYears(vec![s("2022"), s("2025")]),
        Basis::NotProject,
        Basis::NamedAt(599),
        Basis::NoOffice,
    ]
}

#[test]
fn every_review_mark_exists_in_both_languages_and_the_chinese_is_chinese() {
    for basis in basis_samples() {
        let mark = Mark::new("kind", "annual_rate", basis);
        let (en, zh) = (mark.text(Lang::En), mark.text(Lang::Zh));
        assert!(en.starts_with("kind: \"annual_rate\", "), "{en}");
        assert!(has_cjk(&zh) && en != zh, "{mark:?}: {zh}");
    }
}

#[test]
fn every_other_text_exists_in_both_languages_and_the_chinese_is_chinese() {
    let texts = note_samples()
        .into_iter()
        .map(|n| (format!("{n:?}"), n.text(Lang::En), n.text(Lang::Zh)))
        .chain(
            text_samples()
                .into_iter()
                .map(|t| (format!("{t:?}"), t.text(Lang::En), t.text(Lang::Zh))),
        )
        .chain(
            status_samples()
                .into_iter()
                .map(|t| (format!("{t:?}"), t.text(Lang::En), t.text(Lang::Zh))),
        )
        .chain(
            data_samples()
                .into_iter()
                .map(|t| (format!("{t:?}"), t.text(Lang::En), t.text(Lang::Zh))),
        )
        .chain(
            server_samples()
                .into_iter()
                .map(|t| (format!("{t:?}"), t.text(Lang::En), t.text(Lang::Zh))),
        );
    for (what, en, zh) in texts {
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{what}");
        assert!(has_cjk(&zh), "not Chinese: {what}: {zh}");
        assert_ne!(en, zh, "{what}");
    }
}

/// The variant names of `pub enum NAME` in a catalog source file.
pub(crate) fn variants(source: &str, name: &str) -> BTreeSet<String> {
    let start = source
        .find(&format!("pub enum {name} {{"))
        .unwrap_or_else(|| panic!("no enum {name}"));
    let body = &source[start..];
    let end = body.find("\n}").expect("the enum ends");
    body[..end]
        .lines()
        .skip(1)
        .filter_map(|l| {
            let l = l.strip_prefix("    ")?;
            let first = l.chars().next()?;
            first.is_ascii_uppercase().then(|| {
                l.split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
        })
        .collect()
}

/// The variant names the samples use.
pub(crate) fn sampled<T: std::fmt::Debug>(samples: &[T]) -> BTreeSet<String> {
    samples
        .iter()
        .map(|x| {
            format!("{x:?}")
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn every_entry_has_a_sample() {
    let here = |f: &str| std::fs::read_to_string(format!("src/diagnostics/messages/{f}")).unwrap();
    let yaml = std::fs::read_to_string("crates/plan-lint-yaml/src/lib.rs").unwrap();
    let cases: [(&str, &str, BTreeSet<String>); 18] = [
        (
            &here("plausible.rs"),
            "PlausibleMsg",
            sampled(&plausible_samples()),
        ),
        (&here("draft.rs"), "Basis", sampled(&basis_samples())),
        (&yaml, "LoadErrorKind", sampled(&load_samples())),
        (&here("file.rs"), "FileMsg", sampled(&file_samples())),
        (&here("schema.rs"), "SchemaMsg", sampled(&schema_samples())),
        (&here("plan.rs"), "PlanMsg", sampled(&plan_samples())),
        (&here("report.rs"), "ReportMsg", sampled(&report_samples())),
        (
            &here("indicator.rs"),
            "IndicatorMsg",
            sampled(&indicator_samples()),
        ),
        (
            &here("project.rs"),
            "ProjectMsg",
            sampled(&project_samples()),
        ),
        (
            &here("history.rs"),
            "HistoryMsg",
            sampled(&history_samples()),
        ),
        (
            &here("history.rs"),
            "SuppressionMsg",
            sampled(&suppression_samples()),
        ),
        (
            &here("decision.rs"),
            "DecisionMsg",
            sampled(&decision_samples()),
        ),
        (&here("verify.rs"), "VerifyMsg", sampled(&verify_samples())),
        (&here("note.rs"), "Note", sampled(&note_samples())),
        (&here("ui.rs"), "Text", sampled(&text_samples())),
        (&here("status.rs"), "StatusText", sampled(&status_samples())),
        (&here("data.rs"), "DataText", sampled(&data_samples())),
        (&here("server.rs"), "ServerText", sampled(&server_samples())),
    ];
    for (source, name, sampled) in cases {
        let declared = variants(source, name);
        assert!(declared.len() > 1, "{name}: no variants found");
        let missing: Vec<_> = declared.difference(&sampled).collect();
        assert!(missing.is_empty(), "{name}: no sample of {missing:?}");
    }
}

fn help_samples() -> Vec<CliHelp> {
    use CliHelp as H;
    vec![
        H::About,
        H::Plans,
        H::Config,
        H::Lang,
        H::Check,
        H::Explain,
        H::Rules,
        H::Plan,
        H::Init,
        H::Test,
        H::Status,
        H::Schema,
        H::CheckPaths,
        H::CheckFormat,
        H::CheckDataRoot,
        H::CheckStdinFilename,
        H::CheckDenyWarnings,
        H::CheckToday,
        H::CheckTimings,
        H::CheckBase,
        H::CheckNoBase,
        H::Decisions,
        H::DecisionsDraft,
        H::DecisionsDraftBase,
        H::Codeowners,
        H::Server,
        H::CodeownersOffice,
        H::CodeownersTeams,
        H::CheckFailOn,
        H::ExplainCode,
        H::PlanFormat,
        H::PlanId,
        H::PlanDepartment,
        H::PlanColumn,
        H::PlanAttribute,
        H::PlanVerify,
        H::PlanVerifyDirs,
        H::PlanVerifySeed,
        H::PlanVerifyFormat,
        H::PlanDraft,
        H::PlanDraftSeed,
        H::PlanDraftId,
        H::PlanDraftOutput,
        H::InitDepartment,
        H::InitPeriod,
        H::InitOutput,
        H::InitFormat,
        H::Convert,
        H::ConvertFile,
        H::ConvertOutput,
        H::InitDataRoot,
        H::InitPlanId,
        H::TestDir,
        H::StatusFormat,
        H::StatusPeriod,
        H::StatusDataRoot,
        H::StatusPlanId,
        H::StatusTable,
        H::StatusDepartment,
        H::SchemaName,
        H::Output,
        H::Force,
        H::Usage,
        H::Commands,
        H::Arguments,
        H::Options,
        H::PrintHelpMore,
        H::PrintHelpSummary,
        H::PrintHelp,
        H::PrintVersion,
        H::HelpCommand,
        H::Default,
        H::PossibleValues,
    ]
}

#[test]
fn every_command_line_help_exists_in_both_languages_and_is_used() {
    let source = std::fs::read_to_string("src/diagnostics/messages/help.rs").unwrap();
    let missing: Vec<_> = variants(&source, "CliHelp")
        .difference(&sampled(&help_samples()))
        .cloned()
        .collect();
    assert!(missing.is_empty(), "CliHelp: no sample of {missing:?}");
    let cli = std::fs::read_to_string("src/cli.rs").unwrap();
    for h in help_samples() {
        let (en, zh) = (h.text(Lang::En), h.text(Lang::Zh));
        assert!(!en.is_empty() && has_cjk(zh) && en != zh, "{h:?}");
        // Each describes a command or argument of cli.rs, or is one of clap's words.
        assert!(
            CliHelp::CLAP_WORDS.contains(&h) || cli.contains(&format!("H::{h:?}")),
            "{h:?} is used nowhere"
        );
    }
}

#[test]
fn a_zh_locale_is_chinese_and_anything_else_english() {
    for l in [
        "zh",
        "zh_CN",
        "zh_CN.UTF-8",
        "zh_TW.Big5",
        "zh-Hans",
        "ZH_cn",
        "zh_CN@pinyin",
    ] {
        assert_eq!(Lang::from_locale(Some(l)), Lang::Zh, "{l}");
    }
    for l in [
        "",
        "C",
        "POSIX",
        "C.UTF-8",
        "en_US.UTF-8",
        "de_DE",
        "zhx",
        "z",
    ] {
        assert_eq!(Lang::from_locale(Some(l)), Lang::En, "{l}");
    }
    assert_eq!(Lang::from_locale(None), Lang::En);
}

#[test]
fn lc_all_outranks_lc_messages_outranks_lang_and_empty_values_do_not_count() {
    let o = |v: &str| Some(v.to_string());
    assert_eq!(
        Lang::effective_locale(o("C"), o("zh_CN.UTF-8"), o("zh_CN.UTF-8")),
        o("C")
    );
    assert_eq!(
        Lang::effective_locale(None, o("zh_CN.UTF-8"), o("en_US.UTF-8")),
        o("zh_CN.UTF-8")
    );
    assert_eq!(
        Lang::effective_locale(o(""), o(""), o("zh_CN.UTF-8")),
        o("zh_CN.UTF-8")
    );
    assert_eq!(Lang::effective_locale(None, None, None), None);
}

/// Every text of the catalog, in both languages: diagnostics (message and
/// help), the other texts and the command line's help.
fn every_text() -> Vec<String> {
    let mut all = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        for m in msg_samples() {
            let t = m.texts(lang);
            all.extend([t.message, t.help]);
        }
        all.extend(note_samples().iter().map(|n| n.text(lang)));
        all.extend(text_samples().iter().map(|n| n.text(lang)));
        all.extend(status_samples().iter().map(|n| n.text(lang)));
        all.extend(data_samples().iter().map(|n| n.text(lang)));
        all.extend(server_samples().iter().map(|n| n.text(lang)));
        all.extend(help_samples().iter().map(|h| h.text(lang).to_string()));
    }
    all
}

#[test]
fn no_text_tells_the_clerk_to_delete_a_file_or_move_one_onto_another() {
    // Issue 31: "…请换一个文件名，或先删除它" and PL108's "移到 2023 文件夹"
    // (onto the accepted report) each lost a clerk's work in the trial.
    let forbidden = [
        "remove it first",
        "delete it",
        "delete the file",
        "remove the file",
        "delete only",
        "a new copy",
        "remove it from the data root",
        "move it to",
        "move it into",
        "move the file",
        "move this file",
        "先删除",
        "删除它",
        "删除该文件",
        "删除文件",
        "删除新建",
        "删除副本",
        "移出",
        "移到",
        "移动到",
        "移至",
    ];
    let hits: Vec<String> = every_text()
        .into_iter()
        .filter(|t| {
            let lower = t.to_lowercase();
            forbidden.iter().any(|f| lower.contains(f))
        })
        .collect();
    assert!(hits.is_empty(), "{hits:#?}");
}

/// Every message of the YAML parser (saphyr-parser 0.0.6's scanner and
/// parser), as plan-lint shows it under zh: Chinese, never the parser's
/// English (issue 31: a tab after a colon printed the parser's text).
#[test]
fn every_parser_message_is_chinese_under_zh() {
    let messages = [
        "' => ret = '",
        "'-' must be followed by a valid YAML whitespace",
        "':' may not precede any of `[{` in flow mapping",
        "':' must be followed by a valid YAML whitespace",
        "a block scalar content cannot start with a tab",
        "block sequence entries are not allowed in this context",
        "did not find expected <document start>",
        "did not find expected <document-start>",
        "did not find expected <stream-start>",
        "did not find expected next token",
        "duplicate version directive",
        "expected whitespace",
        "found incompatible YAML document",
        "illegal placement of ':' indicator",
        "invalid content after document end marker",
        "invalid global tag character",
        "invalid indentation for anchor",
        "invalid indentation in flow construct",
        "invalid indentation in quoted scalar",
        "invalid indentation",
        "invalid trailing content after double-quoted scalar",
        "mapping keys are not allowed in this context",
        "mapping values are not allowed in this context",
        "missing explicit document end marker before directive",
        "plain scalar cannot start with '-' followed by ,[]{}",
        "recursion limit exceeded",
        "simple key expect ':'",
        "simple key expected",
        "tab cannot be used as indentation",
        "tabs disallowed in this context",
        "tabs disallowed within this context (block indentation)",
        "the TAG directive must only be given at most once per handle in the same document",
        "the handle wasn't declared",
        "unexpected character: `x'",
        "unexpected end of plain scalar",
        "unexpected eof",
        "while parsing a block collection, did not find expected '-' indicator",
        "while parsing a block mapping, did not find expected key",
        "while parsing a flow mapping, did not find expected ',' or '}'",
        "while parsing a flow sequence, expected ',' or ']'",
        "while parsing a node, did not find expected node content",
        "while parsing a quoted scalar, did not find expected hexadecimal number",
        "while parsing a quoted scalar, found invalid Unicode character escape code",
        "while parsing a quoted scalar, found unknown escape character",
        "while parsing a tag directive, did not find expected '!'",
        "while parsing a tag, did not find expected tag URI",
        "while parsing a tag, found an incorrect leading UTF-8 byte",
        "while parsing a tag, found an incorrect trailing UTF-8 byte",
        "while parsing a tag, found an invalid UTF-8 codepoint",
        "while parsing a tag, found an invalid escape sequence",
        "while parsing anchor, found duplicated anchor",
        "while parsing node, found unknown anchor",
        "while scanning TAG, did not find expected whitespace or line break",
        "while scanning a YAML directive, did not find expected digit or '.' character",
        "while scanning a YAML directive, did not find expected version number",
        "while scanning a YAML directive, found extremely long version number",
        "while scanning a block scalar, did not find expected comment or line break",
        "while scanning a block scalar, found an indentation indicator equal to 0",
        "while scanning a directive, could not find expected directive name",
        "while scanning a directive, did not find expected comment or line break",
        "while scanning a directive, found unexpected non-alphabetical character",
        "while scanning a directive, found unknown directive name",
        "while scanning a plain scalar, found a tab",
        "while scanning a quoted scalar, found unexpected document indicator",
        "while scanning a quoted scalar, found unexpected end of stream",
        "while scanning a tag, did not find expected '!'",
        "while scanning a tag, did not find expected whitespace or line break",
        "while scanning a verbatim tag, did not find the expected '>'",
        "while scanning an anchor or alias, did not find expected alphabetic or numeric character",
        "wrongly indented line in block scalar",
        "did not find expected key at line 3 column 5",
    ];
    for m in messages {
        let zh = super::file::parser_zh(m);
        assert!(has_cjk(&zh), "{m}: {zh}");
        let english = zh
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3 && w != "YAML" && w != "Tab");
        assert!(!english, "{m}: {zh}");
        let shown = Msg::Load(LoadErrorKind::Syntax {
            info: m.to_string(),
            hint: SyntaxHint::Other,
        })
        .texts(Lang::Zh);
        assert!(!shown.message.contains(m), "{}", shown.message);
    }
}

/// Issue 31: the findings a clerk cannot fix (PL204, PL401, PL402, PL403)
/// name the office, what to send it, and why, in both languages.
#[test]
fn what_only_the_office_can_fix_names_it_and_what_to_send() {
    let office = vec![s("区发展和改革局")];
    let msgs: Vec<Msg> = vec![
        IndicatorMsg::RequirementMissing {
            ind: ind(),
            target_text: s("达到省要求"),
            period: 2023,
            approvers: office.clone(),
        }
        .into(),
        HistoryMsg::Rewritten {
            path: s("progress/2023/eco-env.yaml"),
            key: Some(s("indicators")),
            office: office.clone(),
        }
        .into(),
        HistoryMsg::Deleted {
            path: s("progress/2022/eco-env.yaml"),
            base: s("3ad0bd4780363ad6"),
            office: office.clone(),
        }
        .into(),
        HistoryMsg::RulesChanged {
            what: Changed::Register,
            path: s("decisions/2025.yaml"),
            base: s("3ad0bd478036"),
            office,
        }
        .into(),
    ];
    for m in msgs {
        let (en, zh) = (m.texts(Lang::En).help, m.texts(Lang::Zh).help);
        assert!(
            en.contains("区发展和改革局") && zh.contains("区发展和改革局"),
            "{en}\n{zh}"
        );
        assert!(["send", "reviews"].iter().any(|w| en.contains(w)), "{en}");
        assert!(["报送", "审核"].iter().any(|w| zh.contains(w)), "{zh}");
        // Why: the record, or the bar, is the office's.
        assert!(
            ["record", "own bar", "plan office's"]
                .iter()
                .any(|w| en.contains(w)),
            "{en}"
        );
    }
}

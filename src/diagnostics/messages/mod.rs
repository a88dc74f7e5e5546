//! The message catalog: every text plan-lint shows a person — a diagnostic's
//! message, help, label and related notes, the reporters' lines, the
//! command line's errors, the status page's labels — in English and in
//! Chinese, side by side in one exhaustive `match` per catalog type, so that
//! a text missing in either language does not compile.
//!
//! Checks build catalog values ([`Msg`], [`Note`], [`Text`]) that carry the
//! figures a text shows; reporters render them in the run's [`Lang`]. Codes,
//! fingerprints, paths and JSON keys never depend on the language.
//!
//! How values read, in both languages: user values quoted (`"x"`, `“x”`),
//! numbers as written with their unit, years shown.

mod data;
mod decision;
mod draft;
mod file;
mod help;
mod history;
mod indicator;
mod note;
mod plan;
mod plausible;
mod project;
mod report;
pub(crate) mod schema;
mod server;
pub mod status;
mod ui;
mod verify;

pub use data::DataText;
pub use decision::DecisionMsg;
pub use draft::{Basis, Mark};
pub use file::{Encoding, FileMsg, WorkbookProblem};
pub use help::CliHelp;
pub use history::{Changed, Deviation, HistoryMsg, SuppressionMsg};
pub use indicator::{Ind, IndicatorMsg, Prev};
pub use note::Note;
pub use plan::{PlanMsg, PlanOfYear, PlanReadError, ReadContext};
pub use plausible::{Impossible, PlausibleMsg};
pub use project::{status_zh, DateField, Measure, Proj, ProjProblem, ProjectMsg};
pub use report::{
    DeptHint, DuplicateRole, Entity, IndicatorHint, NameProblem, ProjectHint, ReportMsg,
};
pub use schema::{Expected, JsonType, KeyHint, SchemaMsg, Shown, TopLevel, TypeHelp};
pub use server::ServerText;
pub use status::{Header, Sheet, StatusText};
pub use ui::{Counts, NoMergeBase, Stage, Text};
pub use verify::{Quoted, VerifyMsg};

use crate::syntax::yaml::format_number;

/// The language of messages and help.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language a POSIX locale name asks for: `zh`, `zh_CN.UTF-8`,
    /// `zh_TW`, `zh-Hans` → Chinese; anything else (`C`, `POSIX`,
    /// `en_US.UTF-8`), or none → English.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        let language = locale
            .unwrap_or_default()
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The locale that decides the language of messages, by POSIX precedence:
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty.
    pub fn effective_locale(
        lc_all: Option<String>,
        lc_messages: Option<String>,
        lang: Option<String>,
    ) -> Option<String> {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty())
    }
}

/// A user-supplied text, quoted.
pub fn q(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!("\"{s}\""),
        Lang::Zh => format!("“{s}”"),
    }
}

/// A number in its shortest exact form.
pub fn num(v: f64) -> String {
    format_number(v, v.fract() == 0.0)
}

/// A number with its unit: `97.5%`, `15 平方米`.
pub fn val(v: f64, unit: &str) -> String {
    match unit {
        "" => num(v),
        "%" => format!("{}%", num(v)),
        u => format!("{} {u}", num(v)),
    }
}

/// An operating system's error, kept as its kind (which has a Chinese
/// wording) and its own text (which is the system's, in its language).
#[derive(Clone, Debug, PartialEq)]
pub struct OsError {
    pub kind: std::io::ErrorKind,
    pub text: String,
}

impl From<&std::io::Error> for OsError {
    fn from(e: &std::io::Error) -> Self {
        OsError {
            kind: e.kind(),
            text: e.to_string(),
        }
    }
}

impl OsError {
    /// The error in `lang`: in Chinese, the kinds a clerk meets are said in
    /// Chinese and the system's own text follows in brackets.
    pub fn text(&self, lang: Lang) -> String {
        use std::io::ErrorKind as K;
        let zh = match self.kind {
            K::NotFound => Some("文件或文件夹不存在"),
            K::PermissionDenied => Some("没有访问权限"),
            K::AlreadyExists => Some("文件已存在"),
            K::IsADirectory => Some("这是一个文件夹，不是文件"),
            K::NotADirectory => Some("路径中有一项不是文件夹"),
            K::InvalidData => Some("内容无法读取（不是有效的文本）"),
            K::StorageFull => Some("磁盘空间已满"),
            K::ReadOnlyFilesystem => Some("磁盘只读，不能写入"),
            K::Interrupted | K::TimedOut => Some("读写被中断，请重试"),
            _ => None,
        };
        match (lang, zh) {
            (Lang::Zh, Some(z)) => format!("{z}（系统信息：{}）", self.text),
            (Lang::Zh, None) => format!("系统报告错误（系统信息：{}）", self.text),
            (Lang::En, _) => self.text.clone(),
        }
    }
}

/// An indicator or project named for a clerk: `空气质量优良率 (I14)`.
pub fn named(lang: Lang, name: &str, id: &str) -> String {
    match lang {
        Lang::En => format!("{name} ({id})"),
        Lang::Zh => format!("{name}（{id}）"),
    }
}

/// Items of an enumeration: `a, b` / `a、b`.
pub fn list(lang: Lang, items: &[String]) -> String {
    items.join(match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    })
}

/// The three texts of a diagnostic in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    pub message: String,
    pub help: String,
    /// What is wrong at the primary span; empty for none.
    pub label: String,
}

fn t(message: impl Into<String>, help: impl Into<String>, label: impl Into<String>) -> Texts {
    Texts {
        message: message.into(),
        help: help.into(),
        label: label.into(),
    }
}

/// A diagnostic's texts: one catalog entry per kind of finding, grouped by
/// the area of its codes.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// PL001: the YAML loader's errors.
    Load(crate::syntax::yaml::LoadErrorKind),
    /// PL001: reading and decoding a file.
    File(FileMsg),
    /// PL002 (and PL005 for plan-lint.toml): the schema's verdicts.
    Schema(SchemaMsg),
    /// PL003, PL004, PL005: plans and the configuration.
    Plan(PlanMsg),
    /// PL1xx: a report's references and identity.
    Report(ReportMsg),
    /// PL2xx: indicator figures against the plan.
    Indicator(IndicatorMsg),
    /// PL207, PL211, PL212, PL213: whether a figure is believable.
    Plausible(PlausibleMsg),
    /// PL3xx: key projects.
    Project(ProjectMsg),
    /// PL4xx: history integrity.
    History(HistoryMsg),
    /// PL5xx: suppressions.
    Suppression(SuppressionMsg),
    /// PL004, PL503: the plan office's decisions register.
    Decision(DecisionMsg),
    /// PL6xx: a plan's catalog proved against its seed (`plan verify`).
    Verify(VerifyMsg),
}

impl Msg {
    /// The message, help and label in `lang`.
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            Msg::Load(k) => file::load_texts(k, lang),
            Msg::File(m) => m.texts(lang),
            Msg::Schema(m) => m.texts(lang),
            Msg::Plan(m) => m.texts(lang),
            Msg::Report(m) => m.texts(lang),
            Msg::Indicator(m) => m.texts(lang),
            Msg::Plausible(m) => m.texts(lang),
            Msg::Project(m) => m.texts(lang),
            Msg::History(m) => m.texts(lang),
            Msg::Suppression(m) => m.texts(lang),
            Msg::Decision(m) => m.texts(lang),
            Msg::Verify(m) => m.texts(lang),
        }
    }
    pub fn message(&self, lang: Lang) -> String {
        self.texts(lang).message
    }
    pub fn help(&self, lang: Lang) -> String {
        self.texts(lang).help
    }
    pub fn label(&self, lang: Lang) -> String {
        self.texts(lang).label
    }
}

macro_rules! into_msg {
    ($($t:ident => $v:ident),* $(,)?) => {
        $(impl From<$t> for Msg {
            fn from(m: $t) -> Msg {
                Msg::$v(m)
            }
        })*
    };
}
into_msg!(
    FileMsg => File,
    SchemaMsg => Schema,
    PlanMsg => Plan,
    ReportMsg => Report,
    IndicatorMsg => Indicator,
    PlausibleMsg => Plausible,
    ProjectMsg => Project,
    HistoryMsg => History,
    SuppressionMsg => Suppression,
    DecisionMsg => Decision,
    VerifyMsg => Verify,
);

impl From<crate::syntax::yaml::LoadErrorKind> for Msg {
    fn from(k: crate::syntax::yaml::LoadErrorKind) -> Msg {
        Msg::Load(k)
    }
}

/// A load error's words: the YAML layer (its own crate) has none, so they
/// come with this trait rather than as the error's own methods.
pub trait LoadErrorText {
    /// The error's message in `lang`.
    fn message(&self, lang: Lang) -> String;
    fn help(&self, lang: Lang) -> String;
}

impl LoadErrorText for crate::syntax::yaml::LoadError {
    fn message(&self, lang: Lang) -> String {
        file::load_texts(&self.kind, lang).message
    }
    fn help(&self, lang: Lang) -> String {
        file::load_texts(&self.kind, lang).help
    }
}

#[cfg(test)]
pub(crate) mod tests;

//! The one loader of reports: finding them under a data root (or as named),
//! reading them within the size limit and never through a link out of the data
//! root, decoding, parsing with spans and validating against the report schema.
//! `check`, the pull-request driver, status, init and decisions draft all read
//! reports through it ([`gather`], [`Workspace`]).

use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{
    Encoding, FileMsg, NameProblem, Note, ReportMsg, SchemaMsg, Text,
};
use crate::load::schema::{self, Kind};
use crate::model::code::Code;
use crate::model::plan::{CatalogEntity, CatalogPositions, Plans};
use crate::model::report::Report;
use crate::syntax::source::{Source, SourceFile};
use crate::syntax::yaml::{self, Limits, LoadError, LoadErrorKind, Span};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod walk;
pub use walk::*;

/// Default size limit of one report (reports are a few kilobytes).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 5 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Paths, directories or glob patterns; empty means every report under the data root.
    pub inputs: Vec<String>,
    /// A report read from standard input: (the name it is shown under, its bytes).
    pub stdin: Option<(String, Vec<u8>)>,
    pub data_root: PathBuf,
    pub today: Date,
    pub max_file_size: u64,
    pub exclude: Vec<glob::Pattern>,
    /// Severity overrides for suppressible rules (from the config).
    pub severity: BTreeMap<String, Severity>,
    /// The plan office's decisions register in force (trust.md): in
    /// pull-request mode, as it stands at the merge-base.
    pub decisions: std::sync::Arc<crate::load::decisions::Register>,
}

impl CheckOptions {
    pub fn new(data_root: impl Into<PathBuf>, today: Date) -> Self {
        CheckOptions {
            inputs: Vec::new(),
            stdin: None,
            data_root: data_root.into(),
            today,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            exclude: Vec::new(),
            severity: BTreeMap::new(),
            decisions: Default::default(),
        }
    }
}

/// Why a check could not run at all (exit 2).
#[derive(Debug)]
pub struct Fatal {
    pub message: Text,
    pub diagnostics: Vec<Diagnostic>,
}

/// One file as loaded: its source, its typed report if it has one, and the
/// diagnostics loading produced (PL001, PL002).
pub struct Loaded {
    pub report: Option<Report>,
    /// The catalog positions of the report's entries in the plan it names:
    /// looked up once by the check when the plans have loaded, for the
    /// history and the rules (`None` from [`load_file`]).
    pub catalog: Option<CatalogPositions>,
    pub diagnostics: Vec<Diagnostic>,
    /// Boxed: a bug's rare message, in the vector of every report a check holds.
    pub internal_error: Option<Box<Text>>,
}

impl Loaded {
    /// A file that gave no report: these findings on it, or the internal
    /// error (a bug) that lost it.
    pub(crate) fn without_report(
        diagnostics: Vec<Diagnostic>,
        internal_error: Option<Text>,
    ) -> Self {
        Loaded {
            report: None,
            catalog: None,
            diagnostics,
            internal_error: internal_error.map(Box::new),
        }
    }
}

/// Runs one file's work so that a bug (a panic) loses only that file's
/// results; the panic becomes an internal error naming the file.
pub(crate) fn isolate<T>(file: &str, work: impl FnOnce() -> T) -> Result<T, Text> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Text::Internal {
            file: file.to_string(),
            what,
        }
    })
}

/// Lets a test make the check of one file panic, to prove that the panic
/// loses only that file's results. Not reachable from a report or the
/// command line: only a program linking the library can set it.
#[doc(hidden)]
pub mod test_hook {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Mutex;

    static SET: AtomicBool = AtomicBool::new(false);
    static FILES: Mutex<Vec<String>> = Mutex::new(Vec::new());

    /// From now on, checking a file whose display path ends with `suffix` panics.
    pub fn panic_when_checking(suffix: &str) {
        FILES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(suffix.to_string());
        SET.store(true, Ordering::SeqCst);
    }

    pub(crate) fn maybe_panic(shown: &str) {
        if SET.load(Ordering::Relaxed)
            && FILES
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .any(|s| shown.ends_with(s.as_str()))
        {
            panic!("test hook: panic while checking {shown}");
        }
    }
}

/// A YAML load error as a PL001 diagnostic.
pub fn load_error_diagnostic(source: &Source, e: LoadError) -> Diagnostic {
    let span = if e.span.is_empty() {
        let start = source.clamp(e.span.start());
        let next = source.text()[start..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        Span::new(start, start + next)
    } else {
        e.span
    };
    let note = match &e.kind {
        LoadErrorKind::UnderIndented { parent, .. } => Note::IndentUnder {
            parent: parent.clone(),
        },
        _ => Note::FirstDefined,
    };
    let mut d = Diagnostic::new(
        Code::PL001,
        Severity::Error,
        Location::at(source, span),
        e.kind,
    );
    if let Some(span) = e.related {
        d = d.related(Location::at(source, span), note);
    }
    d
}

pub(crate) fn pl001_file(location: Location, msg: FileMsg) -> Diagnostic {
    Diagnostic::new(Code::PL001, Severity::Error, location, msg)
}

/// Reads, decodes, parses and schema-checks one file.
pub fn load_file(path: &Path, display: String, bytes: Option<Vec<u8>>, max: u64) -> Loaded {
    // Spans hold u32 offsets: a larger file is too large, whatever the limit says.
    let max = max.min(u64::from(u32::MAX));
    let mut out = Loaded::without_report(Vec::new(), None);
    // A file read here can be read again, so its text need not be kept.
    let from_disk = bytes.is_none();
    let bytes = match bytes {
        Some(b) => b,
        None => {
            let metadata = std::fs::metadata(path);
            match &metadata {
                Ok(m) if m.is_dir() => {
                    out.diagnostics.push(pl001_file(
                        Location::path_only(&display),
                        FileMsg::IsDirectory,
                    ));
                    return out;
                }
                Ok(m) if !m.is_file() => {
                    out.diagnostics.push(pl001_file(
                        Location::path_only(&display),
                        FileMsg::NotRegularFile,
                    ));
                    return out;
                }
                Ok(m) if m.len() > max => {
                    out.diagnostics.push(pl001_file(
                        Location::path_only(&display),
                        FileMsg::TooLarge { size: m.len(), max },
                    ));
                    return out;
                }
                _ => {}
            }
            // Never more than the limit and one byte, whatever the metadata
            // said; room for the size it did say.
            let expected = metadata.map_or(0, |m| m.len().min(max) as usize);
            match crate::syntax::source::read_bounded(path, expected, max.saturating_add(1)) {
                Ok(b) => b,
                Err(e) => {
                    let dangling = e.kind() == std::io::ErrorKind::NotFound
                        && path
                            .symlink_metadata()
                            .is_ok_and(|m| m.file_type().is_symlink());
                    out.diagnostics.push(if dangling {
                        pl001_file(Location::path_only(&display), FileMsg::DanglingLink)
                    } else {
                        pl001_file(
                            Location::path_only(&display),
                            FileMsg::CannotRead { error: (&e).into() },
                        )
                    });
                    return out;
                }
            }
        }
    };
    if bytes.len() as u64 > max {
        out.diagnostics.push(pl001_file(
            Location::path_only(&display),
            FileMsg::TooLargeRead { max },
        ));
        return out;
    }
    let text = match decode(bytes) {
        Ok(t) => t,
        Err((lossy, offset, msg)) => {
            let source = SourceFile::new(display, lossy);
            let at = source.clamp(offset);
            let end = source.text()[at..]
                .chars()
                .next()
                .map_or(at, |c| at + c.len_utf8());
            out.diagnostics
                .push(pl001_file(Location::at(&source, Span::new(at, end)), msg));
            return out;
        }
    };
    let source = SourceFile::new(display, text);
    let node = match yaml::load(source.body(), source.bom_len(), Limits::default()) {
        Ok(n) => n,
        Err(e) => {
            out.diagnostics.push(load_error_diagnostic(&source, e));
            return out;
        }
    };
    out.diagnostics
        .extend(schema::validate(Kind::Report, &node, &source));
    for (pointer, span, text) in crate::model::report::impossible_dates(&node) {
        out.diagnostics.push(
            Diagnostic::new(
                Code::PL002,
                Severity::Error,
                Location::at(&source, span),
                SchemaMsg::ImpossibleDate { text },
            )
            .node_path(pointer),
        );
    }
    // Checks need the typed values and their spans, not the text: unless a
    // finding already points into it, the text goes now and is read again
    // only if a later finding needs it (see `restore_released`).
    let source = if from_disk && out.diagnostics.is_empty() {
        SourceFile::released(source.path.clone(), path, source.text())
    } else {
        source
    };
    out.report = Report::from_node(source, node);
    out
}

type DecodeError = (String, usize, FileMsg);

/// UTF-8 (with or without BOM) only; other encodings get a diagnostic that
/// names them.
fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    let utf = |encoding| Err((String::new(), 0, FileMsg::WrongEncoding { encoding }));
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return utf(Encoding::Utf32);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return utf(Encoding::Utf16);
    }
    if looks_like_utf16(&bytes) {
        return utf(Encoding::Utf16NoBom);
    }
    match crate::syntax::source::utf8_text(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            let (decoded, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
            let looks_gbk = !had_errors
                && decoded
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            // The lossy text has the same bytes up to `offset`.
            Err((
                lossy,
                offset,
                FileMsg::InvalidUtf8 {
                    byte: bytes[offset],
                    gbk: looks_gbk,
                },
            ))
        }
    }
}

/// UTF-16 text without a byte order mark: in its first bytes, every other
/// byte is zero (ASCII characters such as `version:` as UTF-16LE or BE).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return false;
    }
    let zero_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    let pairs = head.len() / 2;
    (zero_at(1) * 2 > pairs && zero_at(0) == 0) || (zero_at(0) * 2 > pairs && zero_at(1) == 0)
}

/// A report file found under the data root.
#[derive(Clone, Debug)]
pub struct ReportPath {
    /// As it is shown (relative to the working folder, `/`-separated).
    pub shown: String,
    pub path: PathBuf,
    /// Whether the entry is a symbolic link, which could lead out of the data root.
    pub link: bool,
}

/// Every report file under a directory, sorted: `*.yaml` and `*.yml` entries
/// of any kind (a directory or a link of that name is listed, so that it is
/// reported rather than skipped). Symbolic links are never followed while
/// searching, so a link cannot lead the search in a loop or out of `dir`; a
/// link to a directory outside `dir` is listed so that it is reported.
pub fn reports_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let real_dir = std::fs::canonicalize(dir).ok();
    walk(dir, ".", |entry| {
        if entry.name.ends_with(".yaml") || entry.name.ends_with(".yml") {
            out.push(entry.keep().0);
            return Step::Enter;
        }
        if entry.kind.is_symlink() && entry.path.is_dir() {
            let inside = match (&real_dir, std::fs::canonicalize(&entry.path)) {
                (Some(r), Ok(target)) => target.starts_with(r),
                _ => false,
            };
            if !inside {
                out.push(entry.keep().0);
            }
        }
        Step::Enter
    });
    out
}

/// A report path inside the data root whose real place (links resolved) is
/// outside it: not read, so a link cannot make plan-lint read or show a file
/// elsewhere on the machine.
fn leaves_root(path: &Path, display: &str, real_root: &Path) -> Option<Diagnostic> {
    let real = std::fs::canonicalize(path).ok()?;
    if real.starts_with(real_root) {
        return None;
    }
    Some(pl001_file(
        Location::path_only(display),
        FileMsg::LeavesRoot,
    ))
}

/// PL110 for a file whose name looks like a report's but is not read, or
/// a spreadsheet (a report counts only as YAML).
fn unread_report_file(path: &Path, shown: &str) -> Option<Diagnostic> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let msg = match unread_report_name(&name) {
        Some(read_as) => ReportMsg::UnreadReportFile { name, read_as },
        None if is_spreadsheet(&name) => ReportMsg::UnreadSpreadsheet { name },
        None => return None,
    };
    Some(Diagnostic::new(
        Code::PL110,
        Severity::Warning,
        Location::path_only(shown),
        msg,
    ))
}

/// A spreadsheet's name: `*.xlsx`, `*.xls`, `*.ods`, `*.csv` in any case.
fn is_spreadsheet(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".xls", ".ods", ".csv"]
        .iter()
        .any(|ext| lower.ends_with(ext) && lower.len() > ext.len())
}

pub(crate) fn excluded(shown: &str, exclude: &[glob::Pattern]) -> bool {
    exclude.iter().any(|p| p.matches(shown))
}

/// Expands the command line's paths and globs; an argument that matches nothing is fatal.
fn resolve_inputs(opts: &CheckOptions) -> Result<Vec<PathBuf>, Fatal> {
    let mut files = Vec::new();
    for arg in &opts.inputs {
        let p = Path::new(arg);
        let before = files.len();
        if p.is_dir() {
            files.extend(reports_under(p));
        } else if p.exists() || p.symlink_metadata().is_ok() {
            files.push(p.to_path_buf());
        } else if let Ok(paths) = glob::glob(arg) {
            files.extend(paths.filter_map(Result::ok));
        }
        if files.len() == before {
            return Err(Fatal {
                message: Text::NoMatch { arg: arg.clone() },
                diagnostics: Vec::new(),
            });
        }
    }
    Ok(files)
}

/// The reports a check reads, found and loaded: everything a check does
/// before it needs a plan, so a caller can do it while the plans load.
pub struct Gathered {
    pub(crate) clock: Clock,
    /// PL110 for the files under the data root that look like reports but are not read.
    pub(crate) unread: Vec<Diagnostic>,
    /// The data root as paths are displayed.
    pub(crate) root_shown: String,
    pub(crate) root_exists: bool,
    /// Every report under the data root: (display path, path, whether it
    /// is a link, which could lead out of the root).
    pub(crate) history_paths: Vec<ReportPath>,
    /// The files named on the command line.
    pub(crate) named: Vec<PathBuf>,
    pub(crate) stdin_name: Option<String>,
    /// Each file once, by display path, in path order; catalog positions not yet looked up.
    pub(crate) loaded: Vec<(String, Loaded)>,
    /// The reports of the record a focused check has not read (see
    /// [`gather`]): the other departments' places, by index in `history_paths`.
    pub(crate) rest: Vec<usize>,
    /// The departments whose record a focused check read (with those
    /// [`Gathered::widen`] added); none when it read the whole record.
    pub(crate) departments: Option<BTreeSet<String>>,
}

/// Whether a path, as displayed, lies under the data root as displayed.
pub(crate) fn under(root_shown: &str, shown: &str) -> bool {
    root_shown == "." || (shown.strip_prefix(root_shown)).is_some_and(|rest| rest.starts_with('/'))
}

/// The place a path under the data root (both as displayed) gives a
/// report: `<root>/<year>/<stem>.yaml|yml` → (year, stem).
pub fn place<'a>(root_shown: &str, shown: &'a str) -> Option<(i32, &'a str)> {
    let rest = if root_shown == "." {
        shown
    } else {
        shown.strip_prefix(root_shown)?.strip_prefix('/')?
    };
    let (year, file) = rest.split_once('/')?;
    let stem = (file.strip_suffix(".yaml"))
        .or_else(|| file.strip_suffix(".yml"))
        .filter(|s| !s.is_empty() && !s.contains('/'))?;
    is_year(year).then(|| Some((year.parse().ok()?, stem)))?
}

/// Whether a report under the data root is in the record (trust.md, "The
/// record (version 3)"): at its place, `<root>/<period>/<department>.yaml`,
/// its content agreeing with the place. Only such reports are history,
/// status, the pull request's accepted record and init's last year.
pub fn in_record(root_shown: &str, shown: &str, report: &Report) -> bool {
    match (
        place(root_shown, shown),
        report.period(),
        report.department(),
    ) {
        (Some((year, stem)), Some(period), Some(dept)) => year == period && stem == dept,
        _ => false,
    }
}

/// Finds and loads the reports of a check ([`Gathered`]).
pub fn gather(opts: &CheckOptions) -> Result<Gathered, Fatal> {
    gather_as(opts, Focus::Named)
}

/// Which part of the record a gathering reads (the walk always names every file).
#[derive(Clone, Debug)]
pub enum Focus {
    /// The named reports' departments (with files named or standard input), else all.
    Named,
    /// These departments' record (a pull request: the departments it changes).
    Departments(BTreeSet<String>),
}

/// The department code a place gives its report: the file's stem.
pub(crate) fn place_stem(path: &Path) -> Option<&str> {
    name_stem(path.file_name()?.to_str()?)
}

/// A report file name's stem: the name without `.yaml` or `.yml`.
fn name_stem(name: &str) -> Option<&str> {
    name.strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
}

/// Finds the reports of a check and loads them. With files named (or
/// standard input) and `focus`, only the record of the named reports'
/// departments is read — their own reports under the data root, by place —
/// and the rest of the record stays unread in `rest` until
/// [`Gathered::widen`] asks for the departments the plans add (a history
/// that moved between departments); every name is still walked.
pub(crate) fn gather_as(opts: &CheckOptions, focus: Focus) -> Result<Gathered, Fatal> {
    let mut clock = Clock::start();
    let root = crate::syntax::paths::normalize(&opts.data_root);
    let root_exists = root.is_dir();
    if opts.inputs.is_empty() && opts.stdin.is_none() && !root_exists {
        return Err(Fatal {
            message: Text::DataRootMissing {
                root: crate::syntax::paths::display(&root),
            },
            diagnostics: Vec::new(),
        });
    }
    // The reports' places under the data root, and the findings on every
    // other report-like name there (one walker for every command).
    let RootWalk { places, findings } = if root_exists {
        walk_root(&root, &opts.exclude)
    } else {
        RootWalk {
            places: Vec::new(),
            findings: Vec::new(),
        }
    };
    let history_paths = places;
    let unread = findings;
    let named = resolve_inputs(opts)?;
    let (focused, departments) = match focus {
        Focus::Named => (
            !named.is_empty() || opts.stdin.is_some(),
            (named.iter().map(PathBuf::as_path))
                .chain(opts.stdin.as_ref().map(|(n, _)| Path::new(n)))
                .filter_map(place_stem)
                .map(str::to_string)
                .collect(),
        ),
        Focus::Departments(d) => (true, d),
    };
    let (reading, rest): (Vec<usize>, Vec<usize>) =
        (0..history_paths.len()).partition(|&i| !focused || is_of(&history_paths[i], &departments));

    // Each distinct file once, keyed by its display path, with whether it
    // must be checked for leading out of the data root: links found under
    // it, and every path named on the command line.
    let mut all: BTreeMap<String, (PathBuf, bool)> = BTreeMap::new();
    for r in reading.into_iter().map(|i| &history_paths[i]) {
        all.entry(r.shown.clone())
            .or_insert_with(|| (r.path.clone(), r.link));
    }
    for p in &named {
        all.entry(crate::syntax::paths::display(p))
            .or_insert_with(|| (p.clone(), true));
    }
    let stdin_name = opts.stdin.as_ref().map(|(n, _)| n.clone());
    all.retain(|shown, _| Some(shown) != stdin_name.as_ref());
    let rest: Vec<usize> = (rest.into_iter())
        .filter(|&i| !all.contains_key(&history_paths[i].shown))
        .collect();
    clock.lap("find reports");
    let root_shown = crate::syntax::paths::display(&root);
    let mut loaded = load_places(opts, &root, &root_shown, all);
    if let Some((name, bytes)) = &opts.stdin {
        let shown = crate::syntax::paths::display(Path::new(name));
        let l = isolate(&shown, || {
            load_file(
                Path::new(name),
                shown.clone(),
                Some(bytes.clone()),
                opts.max_file_size,
            )
        })
        .unwrap_or_else(|e| Loaded::without_report(Vec::new(), Some(e)));
        loaded.push((shown, l));
        loaded.sort_by(|a, b| a.0.cmp(&b.0));
    }
    clock.lap("load reports");
    Ok(Gathered {
        clock,
        unread,
        root_shown,
        root_exists,
        history_paths,
        named,
        stdin_name,
        loaded,
        departments: (focused && !rest.is_empty()).then_some(departments),
        rest,
    })
}

/// Whether a place under the data root is one of these departments' (its
/// name's stem).
fn is_of<S: std::borrow::Borrow<str> + Ord>(r: &ReportPath, departments: &BTreeSet<S>) -> bool {
    // The stem of the name as shown (taking a path apart for 100,000 places
    // cost more than the comparisons).
    let name = r.shown.rsplit('/').next().unwrap_or_default();
    name_stem(name).is_some_and(|d| departments.contains(d))
}

/// Loads files in parallel, each by display path, in path order; links
/// and named files are refused when they lead out of the data root.
fn load_places(
    opts: &CheckOptions,
    root: &Path,
    root_shown: &str,
    files: BTreeMap<String, (PathBuf, bool)>,
) -> Vec<(String, Loaded)> {
    let real_root = root
        .is_dir()
        .then(|| std::fs::canonicalize(root).ok())
        .flatten();
    files
        .into_par_iter()
        .map(|(shown, (p, may_leave))| {
            let l = isolate(&shown, || {
                let outside = real_root
                    .as_deref()
                    .filter(|_| may_leave && under(root_shown, &shown))
                    .and_then(|r| leaves_root(&p, &shown, r));
                match outside {
                    Some(d) => Loaded::without_report(vec![d], None),
                    None => load_file(&p, shown.clone(), None, opts.max_file_size),
                }
            })
            .unwrap_or_else(|e| Loaded::without_report(Vec::new(), Some(e)));
            (shown, l)
        })
        .collect()
}

impl Gathered {
    /// Looks up each report's entries in the catalog of the plan it names, once.
    pub(crate) fn locate(&mut self, plans: &Plans) {
        self.loaded.par_iter_mut().for_each(|(_, l)| {
            l.catalog = positions(plans, l.report.as_ref());
        });
        self.clock.lap("catalog lookup");
    }

    /// Reads, of the record a focused check left unread, the reports of the
    /// departments whose record the loaded reports are judged against
    /// ([`judged_against`] the departments they name). Catalog positions
    /// are looked up.
    pub(crate) fn widen(&mut self, plans: &Plans, opts: &CheckOptions) {
        if self.rest.is_empty() {
            return;
        }
        let named: BTreeSet<&str> = (self.loaded.iter())
            .filter_map(|(_, l)| Some(l.report.as_ref()?.department.as_ref()?.value.as_str()))
            .collect();
        let departments = judged_against(plans, &named);
        // Nothing to look for when those departments are the ones read.
        if (self.departments.as_ref()).is_some_and(|read| departments.is_subset(read)) {
            return;
        }
        if self.read_departments(plans, opts, &departments) > 0 {
            self.clock.lap("load the departments' record");
        }
    }

    /// Reads, of the record left unread, the reports at the places of these
    /// departments, and looks up their catalog positions; how many were read.
    /// The language server reads a department's record this way the first
    /// time one of its reports is checked.
    pub(crate) fn read_departments(
        &mut self,
        plans: &Plans,
        opts: &CheckOptions,
        departments: &BTreeSet<String>,
    ) -> usize {
        let (more, rest): (Vec<usize>, Vec<usize>) = std::mem::take(&mut self.rest)
            .into_iter()
            .partition(|&i| is_of(&self.history_paths[i], departments));
        self.rest = rest;
        match self.departments.as_mut() {
            Some(_) if self.rest.is_empty() => self.departments = None,
            Some(read) => read.extend(departments.iter().cloned()),
            None => {}
        }
        if more.is_empty() {
            return 0;
        }
        let files = (more.into_iter().map(|i| &self.history_paths[i]))
            .map(|r| (r.shown.clone(), (r.path.clone(), r.link)))
            .collect();
        let root = crate::syntax::paths::normalize(&opts.data_root);
        let mut added = load_places(opts, &root, &self.root_shown, files);
        added.par_iter_mut().for_each(|(_, l)| {
            l.catalog = positions(plans, l.report.as_ref());
        });
        let read = added.len();
        self.loaded.extend(added);
        self.loaded.sort_by(|a, b| a.0.cmp(&b.0));
        read
    }

    /// Reads one file at a place under the data root again, as
    /// [`gather`] reads it (saved, created or deleted since: then none), and
    /// looks up its catalog positions.
    pub(crate) fn read_again(
        &self,
        plans: &Plans,
        opts: &CheckOptions,
        shown: &str,
        path: &Path,
    ) -> Loaded {
        let files = BTreeMap::from([(shown.to_string(), (path.to_path_buf(), true))]);
        let root = crate::syntax::paths::normalize(&opts.data_root);
        let mut l = (load_places(opts, &root, &self.root_shown, files).pop())
            .map(|(_, l)| l)
            .unwrap_or_else(|| Loaded::without_report(Vec::new(), None));
        l.catalog = positions(plans, l.report.as_ref());
        l
    }

    /// Nothing found or read under a data root that is not there.
    pub(crate) fn nothing(root_shown: String) -> Gathered {
        Gathered {
            clock: Clock::start(),
            unread: Vec::new(),
            root_shown,
            root_exists: false,
            history_paths: Vec::new(),
            named: Vec::new(),
            stdin_name: None,
            loaded: Vec::new(),
            rest: Vec::new(),
            departments: None,
        }
    }
}

/// The departments whose record reports of the `named` departments are
/// judged against: those departments, every department that holds or held
/// an indicator or project for part of the period in a plan
/// (`responsibilities` with `from`/`until`), so that a history that moved
/// between departments is whole, and the departments of the figures the
/// catalog declares the same measure as one of theirs (`same_as`, PL213).
pub(crate) fn judged_against(plans: &Plans, named: &BTreeSet<&str>) -> BTreeSet<String> {
    let mut departments: BTreeSet<&str> = named.clone();
    for plan in &plans.0 {
        // PL213 compares a figure with its `same_as` counterpart of the
        // same year, in the report of the department responsible for it.
        for ind in &plan.indicators {
            if let Some(other) = ind.same_as.as_deref().and_then(|o| plan.indicator(o)) {
                for (one, counterpart) in [(ind, other), (other, ind)] {
                    if named.contains(one.department.as_str()) {
                        departments.insert(&counterpart.department);
                    }
                }
            }
        }
        for t in &plan.tenures {
            departments.insert(&t.department);
            departments.insert(match t.entity {
                CatalogEntity::Indicator => &plan.indicators[t.position].department,
                CatalogEntity::Project => &plan.projects[t.position].department,
            });
        }
    }
    departments.into_iter().map(str::to_string).collect()
}

/// The reports of a data repository as every command reads them: every
/// report by display path, found, read and validated once (the same limits
/// and the same refusal of links out of the data root for check, status,
/// init and decisions draft) and its catalog positions looked up. The
/// pull-request driver checks them as they stand, then as another version of
/// some of them would leave them (`engine::check`'s `Workspace::check_with`),
/// without reading or parsing the others again.
pub struct Workspace {
    pub(crate) gathered: Gathered,
}

impl Workspace {
    /// Finds and loads the reports of a check — the part of the record
    /// `focus` asks for, widened to the departments the plans add — and
    /// looks up their catalog positions.
    pub fn load(plans: &Plans, opts: &CheckOptions, focus: Focus) -> Result<Workspace, Fatal> {
        Ok(Workspace::of(gather_as(opts, focus)?, plans, opts))
    }

    /// The reports gathered with `opts`, their catalog positions looked up
    /// and the record widened to the departments the plans add.
    pub fn of(mut gathered: Gathered, plans: &Plans, opts: &CheckOptions) -> Workspace {
        // Gathered while the plans loaded: the wait for them is not the lookup's.
        gathered.clock.last = std::time::Instant::now();
        gathered.locate(plans);
        gathered.widen(plans, opts);
        Workspace { gathered }
    }

    /// The reports under a data root, for a command that reads them but
    /// checks nothing (status, init, decisions draft): found and read as a
    /// check reads them (the configuration's `exclude` and size limit, no
    /// link out of the data root). A data root that does not exist holds none.
    /// Catalog positions are not looked up: the history these commands build
    /// looks them up itself.
    pub fn under_root(opts: &CheckOptions) -> Workspace {
        let mut opts = opts.clone();
        opts.inputs.clear();
        opts.stdin = None;
        let gathered = match gather(&opts) {
            Ok(g) => g,
            Err(_) => Gathered::nothing(crate::syntax::paths::display(&opts.data_root)),
        };
        Workspace { gathered }
    }

    /// The loaded files, by display path, in path order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Loaded)> {
        (self.gathered.loaded.iter()).map(|(shown, l)| (shown.as_str(), l))
    }

    /// The reports of the record (they parsed and stand at their place:
    /// [`in_record`]), in path order.
    pub fn reports(&self) -> impl Iterator<Item = &Report> {
        let root = self.gathered.root_shown.as_str();
        self.files()
            .filter_map(move |(shown, l)| l.report.as_ref().filter(|r| in_record(root, shown, r)))
    }
}

/// Times the phases of a check, each from the end of the one before.
pub(crate) struct Clock {
    pub(crate) last: std::time::Instant,
    pub(crate) laps: Vec<(&'static str, std::time::Duration)>,
}

impl Clock {
    pub(crate) fn start() -> Self {
        Clock {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }
    pub(crate) fn lap(&mut self, phase: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((phase, now - self.last));
        self.last = now;
    }
}

/// The catalog positions of a report's entries in the plan it names, if
/// that plan is loaded.
pub(crate) fn positions(plans: &Plans, report: Option<&Report>) -> Option<CatalogPositions> {
    let r = report?;
    Some(plans.get(r.plan_id()?)?.positions_of(r))
}

/// Whether a file name looks like a report that is not read as one: a
/// report extension in another case, or one followed by a backup or text
/// suffix. The name under which it would be read is returned.
pub fn unread_report_name(name: &str) -> Option<String> {
    if name.ends_with(".yaml") || name.ends_with(".yml") {
        return None;
    }
    let lower = name.to_lowercase();
    for ext in [".yaml", ".yml"] {
        for suffix in ["", ".bak", "~", ".txt", ".orig", ".old", ".backup"] {
            let tail = format!("{ext}{suffix}");
            if lower.ends_with(&tail) && lower.len() > tail.len() {
                let stem = name.get(..name.len() - tail.len())?;
                return Some(format!("{stem}{ext}"));
            }
        }
    }
    None
}

/// The year of the folder a report lies in (`progress/2023/eco-env.yaml`:
/// 2023), if the folder is named as a year.
pub fn folder_year(path: &str) -> Option<i32> {
    std::path::Path::new(path)
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|s| s.to_str())
        .filter(|s| is_year(s))
        .and_then(|s| s.parse().ok())
}

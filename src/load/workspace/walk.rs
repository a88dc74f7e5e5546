//! The walk of a data root (trust.md, "The record (version 3)"): the one
//! decision, for every command, of which files are reports at their place and
//! what every other report-like name is (PL108, PL110). It reads names only.

use super::*;

/// What the walk does after an entry.
#[derive(PartialEq, Eq)]
pub(super) enum Step {
    /// Enters it, if it is a directory (a link to one: only when it stays inside).
    Enter,
    /// Leaves it alone.
    Skip,
}

/// One entry of a walk, its path and display form owned, so that a visitor
/// keeping them takes them rather than copying them (a walk of 100,000
/// names spent its time allocating).
pub(super) struct Entry<'a> {
    pub(super) path: PathBuf,
    /// Its name (lossy for a name that is not UTF-8: see [`name_problem`]).
    pub(super) name: &'a str,
    /// Its display form.
    pub(super) shown: String,
    pub(super) kind: std::fs::FileType,
    /// 0 for the walked directory's own entries.
    pub(super) depth: usize,
}

impl Entry<'_> {
    /// Its path and display form, taken (left empty) unless it is a
    /// directory, which the walk may still enter.
    pub(super) fn keep(&mut self) -> (PathBuf, String) {
        if self.kind.is_dir() {
            (self.path.clone(), self.shown.clone())
        } else {
            (
                std::mem::take(&mut self.path),
                std::mem::take(&mut self.shown),
            )
        }
    }
}

/// Walks `dir` in the order of `Path`'s comparison (each directory's
/// entries in name order, a directory's contents right after it), links
/// never followed except a link to a directory inside `dir`'s real place,
/// which is listed (a link out is listed too, so that it is reported).
/// `visit` gets each entry (`dir_shown` is `dir`'s display form); a
/// directory it answers [`Step::Enter`] for is entered.
pub(super) fn walk(dir: &Path, dir_shown: &str, mut visit: impl FnMut(&mut Entry) -> Step) {
    let mut dirs = vec![(
        dir.to_path_buf(),
        dir_shown.to_string(),
        entries_by_name(dir),
    )];
    while let Some((d, d_shown, entries)) = dirs.last_mut() {
        let Some((name, kind)) = entries.next() else {
            dirs.pop();
            continue;
        };
        let path = joined(d, &name);
        let name = name.to_string_lossy();
        let shown = crate::syntax::paths::child(d_shown, &name);
        let depth = dirs.len() - 1;
        let mut entry = Entry {
            path,
            name: &name,
            shown,
            kind,
            depth,
        };
        if visit(&mut entry) == Step::Enter && kind.is_dir() {
            let inside = entries_by_name(&entry.path);
            dirs.push((entry.path, entry.shown, inside));
        }
    }
}

/// What the walk of a data root found (trust.md, "The record (version 3)"):
/// the reports' places, and the findings on everything else.
#[derive(Default)]
pub(crate) struct RootWalk {
    /// `<root>/<year>/<name>.yaml|yml` (with whether it is a link), and
    /// links out of the root (reported as PL001 when loaded), in walk order.
    pub(crate) places: Vec<ReportPath>,
    /// PL108 for a report-like file elsewhere or a name that is not valid
    /// UTF-8 or holds a control character; PL110 for look-alikes and spreadsheets.
    pub(crate) findings: Vec<Diagnostic>,
}

/// Walks a data root: the one decision, for every command, of which files
/// can be reports. It reads names, never files. Each first-level entry (a
/// year's folder) is walked on its own, side by side, and the parts are
/// joined in name order: the same order as one walk (100,000 names took
/// 113 ms on one thread).
pub(crate) fn walk_root(root: &Path, exclude: &[glob::Pattern]) -> RootWalk {
    let walker = RootWalker {
        root,
        real_root: std::fs::canonicalize(root).ok(),
        root_shown: crate::syntax::paths::display(root),
        exclude,
    };
    let first: Vec<_> = entries_by_name(root).collect();
    let parts: Vec<RootWalk> = first
        .into_par_iter()
        .map(|(name, kind)| {
            let mut part = RootWalk::default();
            let name = name.to_string_lossy();
            // Whether the first-level folder the entries below lie in is named as a year.
            let year_folder = kind.is_dir() && is_year(&name);
            let mut entry = Entry {
                path: joined(root, name.as_ref().as_ref()),
                name: &name,
                shown: crate::syntax::paths::child(&walker.root_shown, &name),
                kind,
                depth: 0,
            };
            if walker.visit(&mut part, &mut entry, year_folder) == Step::Enter && kind.is_dir() {
                walk(&entry.path, &entry.shown, |inner| {
                    inner.depth += 1;
                    walker.visit(&mut part, inner, year_folder)
                });
            }
            part
        })
        .collect();
    let mut all = RootWalk {
        places: Vec::with_capacity(parts.iter().map(|p| p.places.len()).sum()),
        findings: Vec::new(),
    };
    for part in parts {
        all.places.extend(part.places);
        all.findings.extend(part.findings);
    }
    all
}

/// What the walk of one data root knows while it walks.
struct RootWalker<'a> {
    root: &'a Path,
    real_root: Option<PathBuf>,
    root_shown: String,
    exclude: &'a [glob::Pattern],
}

impl RootWalker<'_> {
    /// Decides one entry at `depth` (0 for the root's own entries) under a
    /// first-level folder that is or is not named as a year.
    fn visit(&self, found: &mut RootWalk, entry: &mut Entry, year_folder: bool) -> Step {
        let (name, kind) = (entry.name, entry.kind);
        // A name read lossily (or holding U+FFFD) is asked about by its path.
        let problem = if name.contains('\u{fffd}') {
            name_problem(&entry.path)
        } else {
            name.chars()
                .any(char::is_control)
                .then_some(NameProblem::ControlCharacter)
        };
        if let Some(problem) = problem {
            let shown = escaped_path(&entry.path);
            if !excluded(&shown, self.exclude) {
                found.findings.push(Diagnostic::new(
                    Code::PL108,
                    Severity::Error,
                    Location::path_only(&shown),
                    ReportMsg::BadName {
                        shown: shown.clone(),
                        problem,
                    },
                ));
            }
            return Step::Skip;
        }
        if excluded(&entry.shown, self.exclude) {
            return Step::Skip;
        }
        let report_name = name.ends_with(".yaml") || name.ends_with(".yml");
        if report_name {
            if entry.depth == 1 && year_folder {
                let (path, shown) = entry.keep();
                found.places.push(ReportPath {
                    shown,
                    path,
                    link: kind.is_symlink(),
                });
            } else {
                let d = outside_place(self.root, &self.root_shown, &entry.path, &entry.shown);
                found.findings.push(d);
            }
            // A folder of that name is entered too: what it holds is reported.
            return Step::Enter;
        }
        if kind.is_dir() {
            return Step::Enter;
        }
        if kind.is_symlink() && entry.path.is_dir() {
            // A link to a folder: never entered; one that leads out of the
            // root is listed, so that loading it reports PL001.
            let inside = match (&self.real_root, std::fs::canonicalize(&entry.path)) {
                (Some(r), Ok(target)) => target.starts_with(r),
                _ => false,
            };
            if !inside {
                let (path, shown) = entry.keep();
                found.places.push(ReportPath {
                    shown,
                    path,
                    link: true,
                });
            }
            return Step::Skip;
        }
        if let Some(d) = unread_report_file(&entry.path, &entry.shown) {
            found.findings.push(d);
        }
        Step::Skip
    }
}

/// Whether a folder name is a year: four ASCII digits.
pub(super) fn is_year(name: &str) -> bool {
    name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit())
}

/// Why an entry's name cannot name a report: not valid UTF-8, or a
/// control character (a newline, a tab…), which git writes quoted.
pub(super) fn name_problem(path: &Path) -> Option<NameProblem> {
    let name = path.file_name()?;
    match name.to_str() {
        None => Some(NameProblem::NotUtf8),
        Some(n) if n.chars().any(char::is_control) => Some(NameProblem::ControlCharacter),
        Some(_) => None,
    }
}

/// A path as shown, with each byte that is not UTF-8 written `\xNN` and
/// each control character escaped (`\n`, `\t`, `\u{7f}`), so the name can
/// be printed on one line and found.
pub fn escaped_path(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' && cfg!(windows) {
                out.push('/');
            } else if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.strip_prefix("./").map(str::to_string).unwrap_or(out)
}

/// PL108 for a report-like file that is not at a report's place: where it
/// would belong (`<root>/<year>/<name>`, the first folder named as a year
/// on its way), and whether a report is already there.
pub(crate) fn outside_place(root: &Path, root_shown: &str, path: &Path, shown: &str) -> Diagnostic {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let year = path
        .strip_prefix(root)
        .ok()
        .and_then(|rel| rel.parent())
        .and_then(|p| {
            p.components()
                .filter_map(|c| c.as_os_str().to_str())
                .find(|c| is_year(c))
        });
    let place = match (year, name) {
        (Some(y), Some(n)) => {
            let at = root.join(y).join(&n);
            let taken = at.symlink_metadata().is_ok();
            Some((crate::syntax::paths::display(&at), taken))
        }
        _ => None,
    };
    Diagnostic::new(
        Code::PL108,
        Severity::Error,
        Location::path_only(shown),
        ReportMsg::OutsidePlace {
            root: root_shown.to_string(),
            place,
        },
    )
}

/// `dir.join(name)` in one allocation (`join` grows its buffer for the name).
fn joined(dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
    path.push(dir);
    path.push(name);
    path
}

/// A directory's entries (name and kind, links not followed) sorted by
/// name; none when it cannot be read.
pub(super) fn entries_by_name(
    dir: &Path,
) -> std::vec::IntoIter<(std::ffi::OsString, std::fs::FileType)> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name(), e.file_type().ok()?)))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter()
}

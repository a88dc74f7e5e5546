//! `-o FILE` (cli.md, "Version 3 additions"): the one rule every command that
//! writes a file follows, so that a clerk's work is never lost.
//!
//! - An existing file is never replaced without `--force` (exit 2, naming it).
//! - Under the data root only `init` writes, and only a new report at the
//!   place its department and period name; it never replaces one.
//! - Paths are compared canonically (links and `..` resolved) and file
//!   names without regard to case, on every file system: on Windows and
//!   macOS `progress/2024/ECO-ENV.YAML` is the same file as `eco-env.yaml`,
//!   and on Linux it would be a second report beside it.

use super::Output;
use crate::diagnostics::messages::{Lang, Text};
use std::path::{Component, Path, PathBuf};

/// What a command writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Writes {
    /// `init`: a new report of this department and period.
    NewReport { department: String, period: i32 },
    /// `convert`: a report of this department and period (none when the
    /// converted text names none): under the data root only at its place,
    /// replacing a report there only with `--force`.
    Converted {
        department: Option<String>,
        period: Option<i32>,
    },
    /// Anything else (status, drafts, CODEOWNERS, a schema, a workbook):
    /// never under the data root.
    Other,
}

/// Where a command asked to write, and how.
#[derive(Clone, Debug)]
pub struct Destination<'a> {
    pub path: &'a Path,
    pub force: bool,
    pub writes: Writes,
    /// The data root the run reads (`--data-root`, the configuration's,
    /// `progress/`), when the command has one.
    pub data_root: Option<&'a Path>,
    /// Whether a missing folder of the file is made (a new report's year
    /// folder); otherwise a missing folder is an error.
    pub make_folder: bool,
}

/// Writes `bytes` to the destination under the rule, making its folder;
/// the path as shown, or the error (exit 2) saying why nothing was written.
pub fn write(dest: &Destination<'_>, bytes: &[u8], lang: Lang) -> Result<String, Output> {
    let shown = crate::syntax::paths::display(dest.path);
    let fail = |t: Text| Err(Output::fail(t.error_line(lang)));
    let target = canonical(dest.path);
    let existing = already_there(dest.path);
    let root = data_roots(dest.path, dest.data_root)
        .into_iter()
        .find_map(|r| Some((relative_to(&target, &canonical(&r))?, r)));
    if let Some((rest, root)) = &root {
        let root_shown = crate::syntax::paths::display(root);
        match &dest.writes {
            Writes::Other => {
                return fail(Text::OutputInDataRoot {
                    path: shown,
                    root: root_shown,
                })
            }
            Writes::NewReport { .. } if existing.is_some() => {
                let found = existing.as_deref().map(crate::syntax::paths::display);
                return fail(Text::ReportExists {
                    path: found.unwrap_or_default(),
                });
            }
            Writes::Converted {
                department: None, ..
            }
            | Writes::Converted { period: None, .. } => {
                return fail(Text::OutputInDataRoot {
                    path: shown,
                    root: root_shown,
                })
            }
            // A new report, or a converted one (replacing one only with --force, below):
            // only at the place of its department and period.
            Writes::NewReport { department, period }
            | Writes::Converted {
                department: Some(department),
                period: Some(period),
            } => {
                let place = [period.to_string(), format!("{department}.yaml")];
                if rest.as_slice() != place {
                    let place = root.join(&place[0]).join(&place[1]);
                    return fail(Text::OutputNotItsPlace {
                        path: shown,
                        place: crate::syntax::paths::display(&place),
                        department: department.clone(),
                        period: *period,
                    });
                }
            }
        }
    }
    if let Some(found) = &existing {
        let found_shown = crate::syntax::paths::display(found);
        let given = (found_shown != shown).then(|| shown.clone());
        if !dest.force {
            return fail(Text::FileExists {
                path: found_shown,
                given,
            });
        }
    }
    // The year's folder of a new report may not exist yet: make it.
    let parent = dest
        .path
        .parent()
        .filter(|p| dest.make_folder && !p.as_os_str().is_empty());
    let made = parent.map_or(Ok(()), std::fs::create_dir_all);
    let written = made.and_then(|()| match &existing {
        // --force: the file that is there, under the name it has.
        Some(found) => std::fs::write(found, bytes),
        None => std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dest.path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, bytes)),
    });
    match written {
        Ok(()) => Ok(existing.map_or(shown, |f| crate::syntax::paths::display(&f))),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => fail(Text::FileExists {
            path: shown,
            given: None,
        }),
        Err(e) => fail(Text::CannotWrite {
            path: shown,
            error: (&e).into(),
        }),
    }
}

/// [`write`], then "wrote FILE" on standard error.
pub fn write_reporting(dest: &Destination<'_>, bytes: &[u8], lang: Lang) -> Output {
    match write(dest, bytes, lang) {
        Ok(path) => Output {
            stdout: String::new(),
            stderr: format!("{}\n", Text::Wrote { path }.text(lang)),
            code: 0,
        },
        Err(o) => o,
    }
}

/// The file already at `path`: the path itself (a file, a folder, a link),
/// or a file in its folder whose name differs only in case.
fn already_there(path: &Path) -> Option<PathBuf> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Some(path.to_path_buf());
    }
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let dir = parent.unwrap_or(Path::new("."));
    let mut same: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().to_lowercase() == name)
        .map(|e| match parent {
            Some(p) => p.join(e.file_name()),
            None => PathBuf::from(e.file_name()),
        })
        .collect();
    same.sort();
    same.into_iter().next()
}

/// The data roots an output could fall under: the run's, `progress/`, the one the
/// plan-lint.toml nearest the output names (or `progress/` beside it), and
/// `<root>` of an output shaped like a report's place, `<root>/<year>/<file>.yaml`,
/// and a folder around the output that holds reports in year folders.
fn data_roots(path: &Path, run: Option<&Path>) -> Vec<PathBuf> {
    // Every command's default data root is progress/ in the current folder.
    let mut roots: Vec<PathBuf> = run.map(Path::to_path_buf).into_iter().collect();
    roots.push(PathBuf::from("progress"));
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = nearest_existing(absolute.parent().unwrap_or(&absolute));
    if let Some(toml) = folder.as_deref().and_then(crate::load::config::find) {
        let configured = crate::load::config::load(&toml)
            .ok()
            .and_then(|c| c.data_root);
        let beside = toml.parent().map(|d| d.join("progress"));
        roots.extend(configured.or(beside));
    }
    let shaped = path.to_string_lossy();
    let report_like = [".yaml", ".yml"]
        .iter()
        .any(|e| shaped.to_lowercase().ends_with(e));
    if report_like && crate::load::workspace::folder_year(&shaped).is_some() {
        roots.extend(
            absolute
                .parent()
                .and_then(Path::parent)
                .map(Path::to_path_buf),
        );
    }
    // A folder the output lies in, up to four levels above it, that holds
    // reports in year folders (not every ancestor: /tmp may hold anything).
    let holding = (absolute.ancestors().skip(1).take(4)).find(|a| holds_reports(a));
    roots.extend(holding.map(Path::to_path_buf));
    roots
}

/// Whether `dir` has a year folder (`2024/`) with a `.yaml` or `.yml` file in it.
fn holds_reports(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let years = entries.filter_map(Result::ok).filter(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit()) && e.path().is_dir()
    });
    years.into_iter().any(|y| {
        std::fs::read_dir(y.path()).is_ok_and(|files| {
            files.filter_map(Result::ok).any(|f| {
                let n = f.file_name().to_string_lossy().to_lowercase();
                n.ends_with(".yaml") || n.ends_with(".yml")
            })
        })
    })
}

/// The nearest folder of `path` (or itself) that exists.
fn nearest_existing(path: &Path) -> Option<PathBuf> {
    path.ancestors().find(|a| a.is_dir()).map(Path::to_path_buf)
}

/// `path` absolute, `..` and links resolved as far as it exists, the rest
/// appended lexically.
fn canonical(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let absolute = crate::syntax::paths::normalize(&absolute);
    for base in absolute.ancestors() {
        if let Ok(real) = std::fs::canonicalize(base) {
            let rest = absolute.strip_prefix(base).unwrap_or(Path::new(""));
            return real.join(rest);
        }
    }
    absolute
}

/// The components of `path` below `root`, compared without regard to case;
/// `None` when it is not below it.
fn relative_to(path: &Path, root: &Path) -> Option<Vec<String>> {
    let parts = |p: &Path| -> Vec<String> {
        (p.components())
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let (path, root) = (parts(path), parts(root));
    let below = path.len() > root.len()
        && (path.iter().zip(&root)).all(|(a, b)| a.to_lowercase() == b.to_lowercase());
    below.then(|| path[root.len()..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_below_a_root_whatever_the_case() {
        let r = relative_to(
            Path::new("/d/Progress/2024/A.yaml"),
            Path::new("/d/progress"),
        );
        assert_eq!(r, Some(vec!["2024".to_string(), "A.yaml".to_string()]));
        assert_eq!(
            relative_to(Path::new("/d/progress"), Path::new("/d/progress")),
            None
        );
        assert_eq!(
            relative_to(Path::new("/d/progressx/a"), Path::new("/d/progress")),
            None
        );
    }
}

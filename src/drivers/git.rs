//! Reading a repository's history with the `git` command line. The only
//! module that runs git: every CI runner and clerk's machine that has the
//! data repository has git, its output formats used here are stable plumbing,
//! and it needs no C library or large dependency tree (libgit2, gitoxide).
//!
//! Fail closed (trust.md, "The record (version 3)"): every call that lists
//! paths reads them NUL-separated (`-z`) as bytes ([`GitPath`]), pathspecs
//! are literal (`--literal-pathspecs`, after `--`), and blobs are asked for
//! by object id, so no name — a newline, bytes that are not UTF-8, a leading
//! dash, glob characters — is skipped, mangled or read as an option.

use crate::diagnostics::messages::{NoMergeBase, Text};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A path as git names it, relative to the repository's top: bytes, exactly.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GitPath(pub Vec<u8>);

impl GitPath {
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// The path as text, where plan-lint can name it: valid UTF-8 holding
    /// no control character. `None` is a name a run must not pass over.
    pub fn as_str(&self) -> Option<&str> {
        let s = std::str::from_utf8(&self.0).ok()?;
        (!s.chars().any(char::is_control)).then_some(s)
    }

    /// The path for a message: control characters and bytes that are not
    /// UTF-8 escaped (`\n`, `\t`, `\x7f`, `\xff`), a backslash doubled, so
    /// that every name shows on one line and two names never show alike.
    pub fn escaped(&self) -> String {
        let mut out = String::new();
        for chunk in self.0.utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c.is_control() => {
                        let mut buf = [0; 4];
                        for b in c.encode_utf8(&mut buf).bytes() {
                            out.push_str(&format!("\\x{b:02x}"));
                        }
                    }
                    c => out.push(c),
                }
            }
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }

    /// A name that reads as a report's: it ends in `.yaml` or `.yml`, in
    /// any case (trust.md's "report-like").
    pub fn is_report_like(&self) -> bool {
        let lower = self.0.to_ascii_lowercase();
        lower.ends_with(b".yaml") || lower.ends_with(b".yml")
    }
}

impl From<&str> for GitPath {
    fn from(s: &str) -> GitPath {
        GitPath(s.as_bytes().to_vec())
    }
}

/// Runs git in the repository (or any folder of it) `repo`. Pathspecs are
/// literal: a data root named `*` or `[a]` is that folder, not a pattern.
fn git(repo: &Path, args: &[&str]) -> Result<Vec<u8>, Text> {
    run_git(repo, &["--literal-pathspecs"], args)
}

/// Runs git with pathspecs that each say how they match (`:(literal)…`,
/// `:(glob)…`: see [`literal`], [`department_places`]).
fn git_with_magic(repo: &Path, args: &[&str]) -> Result<Vec<u8>, Text> {
    run_git(repo, &[], args)
}

/// A pathspec matching the repository-relative path `path` (a file, or a
/// folder and all it holds) and nothing else; the top for an empty one.
pub fn literal(path: &str) -> String {
    format!(":(literal){}", pathspec(path))
}

fn run_git(repo: &Path, options: &[&str], args: &[&str]) -> Result<Vec<u8>, Text> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(options)
        .args(args)
        .output()
        .map_err(|e| Text::GitCannotRun {
            error: e.to_string(),
        })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(Text::GitFailed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            code: out.status.code(),
        })
    }
}

fn text(repo: &Path, args: &[&str]) -> Result<String, Text> {
    git(repo, args).map(|b| String::from_utf8_lossy(&b).trim_end().to_string())
}

/// A pathspec for the folder `dir` (repository-relative): the top is `.`,
/// which git accepts where it refuses an empty one.
fn pathspec(dir: &str) -> &str {
    if dir.is_empty() {
        "."
    } else {
        dir
    }
}

/// The NUL-separated fields of `-z` output, the empty tail left out.
fn fields(out: &[u8]) -> Vec<&[u8]> {
    let mut f: Vec<&[u8]> = out.split(|b| *b == 0).collect();
    if f.last().is_some_and(|l| l.is_empty()) {
        f.pop();
    }
    f
}

/// The commit where HEAD and `rev` diverged; `Err(Ok(why))` when there is
/// none, `Err(Err(text))` when git could not say. One git process when there
/// is one (a clerk's every check with `base` set asks); whether `rev` names
/// a commit at all is asked only when `merge-base` fails.
pub fn merge_base(repo: &Path, rev: &str) -> Result<String, Result<NoMergeBase, Text>> {
    let shallow = || -> Result<bool, Text> {
        Ok(text(repo, &["rev-parse", "--is-shallow-repository"])? == "true")
    };
    let not_a_commit = || -> Result<String, Result<NoMergeBase, Text>> {
        // Not a git checkout at all says so itself.
        toplevel(repo).map_err(Err)?;
        let shallow = shallow().map_err(Err)?;
        Err(Ok(NoMergeBase::NotACommit { shallow }))
    };
    // A revision that starts with a dash would be read as an option; git
    // refuses such ref names, so it names no commit. (Not
    // `--end-of-options`: rev-parse knows it only since git 2.30.)
    if rev.starts_with('-') {
        return not_a_commit();
    }
    let peeled = format!("{rev}^{{commit}}");
    match git(repo, &["merge-base", "HEAD", &peeled]) {
        Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
        // Exit 1 with nothing on stderr: no common ancestor here.
        Err(Text::GitFailed {
            stderr,
            code: Some(1),
            ..
        }) if stderr.is_empty() => match shallow() {
            Ok(true) => Err(Ok(NoMergeBase::Shallow)),
            Ok(false) => Err(Ok(NoMergeBase::Unrelated)),
            Err(e) => Err(Err(e)),
        },
        // Whether `rev` names no commit, or git failed on one.
        Err(failed @ Text::GitFailed { .. }) => {
            match git(repo, &["rev-parse", "--verify", "--quiet", &peeled]) {
                Ok(_) => Err(Err(failed)),
                Err(Text::GitFailed { .. }) => not_a_commit(),
                Err(e) => Err(Err(e)),
            }
        }
        Err(e) => Err(Err(e)),
    }
}

/// The repository's top directory.
pub fn toplevel(repo: &Path) -> Result<PathBuf, Text> {
    let mut out = git(repo, &["rev-parse", "--show-toplevel"])?;
    while out.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        out.pop();
    }
    Ok(path_of(out))
}

#[cfg(unix)]
fn path_of(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// A path relative to the repository top, as git names it.
pub fn repo_path(top: &Path, path: &Path) -> String {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let abs = crate::syntax::paths::normalize(&abs);
    let top = std::fs::canonicalize(top).unwrap_or_else(|_| top.to_path_buf());
    let abs = abs
        .parent()
        .and_then(|p| std::fs::canonicalize(p).ok())
        .map(|p| p.join(abs.file_name().unwrap_or_default()))
        .unwrap_or(abs);
    abs.strip_prefix(&top)
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|_| path.to_string_lossy().replace('\\', "/"))
}

/// A blob in a commit's tree: its object id and path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blob {
    pub oid: String,
    pub path: GitPath,
}

/// The blobs under `dir` (repository-relative) at a commit, from
/// `git ls-tree -r -z` (submodules, which are not blobs, left out).
pub fn files_at(repo: &Path, commit: &str, dir: &str) -> Result<Vec<Blob>, Text> {
    let out = git(
        repo,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--full-tree",
            commit,
            "--",
            pathspec(dir),
        ],
    )?;
    let mut blobs = Vec::new();
    for entry in fields(&out) {
        // "<mode> SP <type> SP <oid> TAB <path>"
        let bad = || Text::GitFailed {
            args: format!("ls-tree -r -z {commit}"),
            stderr: String::from_utf8_lossy(entry).into_owned(),
            code: None,
        };
        let tab = entry.iter().position(|b| *b == b'\t').ok_or_else(bad)?;
        let head = std::str::from_utf8(&entry[..tab]).map_err(|_| bad())?;
        let [_mode, kind, oid] = head.split(' ').collect::<Vec<_>>()[..] else {
            return Err(bad());
        };
        if kind == "blob" {
            blobs.push(Blob {
                oid: oid.to_string(),
                path: GitPath(entry[tab + 1..].to_vec()),
            });
        }
    }
    Ok(blobs)
}

/// A file's bytes at a commit.
pub fn show(repo: &Path, commit: &str, path: &str) -> Result<Vec<u8>, Text> {
    git(repo, &["show", &format!("{commit}:{path}")])
}

/// How a file changed between a commit and the working tree; `oid` is the
/// commit's blob of the path it had there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added(GitPath),
    Modified {
        path: GitPath,
        oid: String,
    },
    Deleted {
        path: GitPath,
        oid: String,
    },
    Renamed {
        from: GitPath,
        oid: String,
        to: GitPath,
    },
}

impl Change {
    /// The path at the commit (none for a file the commit did not have).
    pub fn before(&self) -> Option<(&GitPath, &str)> {
        match self {
            Change::Added(_) => None,
            Change::Modified { path, oid } | Change::Deleted { path, oid } => Some((path, oid)),
            Change::Renamed { from, oid, .. } => Some((from, oid)),
        }
    }

    /// The path in the working tree (none for a deleted file).
    pub fn after(&self) -> Option<&GitPath> {
        match self {
            Change::Added(p) | Change::Modified { path: p, .. } | Change::Renamed { to: p, .. } => {
                Some(p)
            }
            Change::Deleted { .. } => None,
        }
    }
}

/// Changes under `dir` from `commit` to the working tree, renames detected:
/// `git diff --raw -z` (which gives the commit's blob of each path) and the
/// untracked files (`git ls-files --others -z`).
pub fn changes(repo: &Path, commit: &str, dir: &str) -> Result<Vec<Change>, Text> {
    let dir = literal(dir);
    let mut changes = tracked_changes(repo, commit, &[&dir])?;
    changes.extend(untracked(repo, &[&dir])?);
    Ok(changes)
}

/// The pathspecs of one department's places under the data root `root`
/// (repository-relative): `<root>/<any year>/<department>.yaml` and `.yml`,
/// in git's glob magic (where `*` stops at `/`), the names' own
/// wildcard characters escaped.
pub fn department_places(root: &str, department: &str) -> [String; 2] {
    let escaped = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if matches!(c, '*' | '?' | '[' | ']' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let dir = match root {
        "" => String::new(),
        r => format!("{}/", escaped(r.trim_end_matches('/'))),
    };
    let d = escaped(department);
    [
        format!(":(glob){dir}*/{d}.yaml"),
        format!(":(glob){dir}*/{d}.yml"),
    ]
}

/// The files git tracks (its index holds) within the pathspecs (each with
/// its magic), by their repository-relative names.
pub fn tracked(repo: &Path, pathspecs: &[&str]) -> Result<Vec<GitPath>, Text> {
    let mut args = vec!["ls-files", "--cached", "--full-name", "-z", "--"];
    args.extend(pathspecs);
    let out = git_with_magic(repo, &args)?;
    Ok(fields(&out)
        .into_iter()
        .map(|p| GitPath(p.to_vec()))
        .collect())
}

/// The changes from `commit` to the working tree that git tracks, within
/// the pathspecs (each with its magic: [`literal`], [`department_places`]):
/// `git diff --raw -z`, renames detected.
pub fn tracked_changes(repo: &Path, commit: &str, pathspecs: &[&str]) -> Result<Vec<Change>, Text> {
    let mut args = vec![
        "diff",
        "--raw",
        "-z",
        "--no-abbrev",
        "-M",
        "--no-ext-diff",
        commit,
        "--",
    ];
    args.extend(pathspecs);
    let out = git_with_magic(repo, &args)?;
    let f = fields(&out);
    let bad = |what: &[u8]| Text::GitFailed {
        args: args.join(" "),
        stderr: GitPath(what.to_vec()).escaped(),
        code: None,
    };
    let mut changes = Vec::new();
    let mut i = 0;
    while i < f.len() {
        // ":<mode> <mode> <oid> <oid> <status>[score]", then one or two paths.
        let head = std::str::from_utf8(f[i]).map_err(|_| bad(f[i]))?;
        let [src_mode, dst_mode, src_oid, _, status] =
            head.trim_start_matches(':').split(' ').collect::<Vec<_>>()[..]
        else {
            return Err(bad(f[i]));
        };
        let kind = status.chars().next().ok_or_else(|| bad(f[i]))?;
        let paths = if matches!(kind, 'R' | 'C') { 2 } else { 1 };
        if i + paths >= f.len() {
            return Err(bad(f[i]));
        }
        let path = |k: usize| GitPath(f[i + k].to_vec());
        let oid = src_oid.to_string();
        // A submodule (mode 160000) is a commit, not a file.
        let gitlink = |mode: &str| mode == "160000";
        let change = match kind {
            'A' => (!gitlink(dst_mode)).then(|| Change::Added(path(1))),
            'C' => (!gitlink(dst_mode)).then(|| Change::Added(path(2))),
            'D' => (!gitlink(src_mode)).then(|| Change::Deleted { path: path(1), oid }),
            'R' => Some(Change::Renamed {
                from: path(1),
                oid,
                to: path(2),
            }),
            _ if gitlink(src_mode) && gitlink(dst_mode) => None,
            _ if gitlink(src_mode) => Some(Change::Added(path(1))),
            _ if gitlink(dst_mode) => Some(Change::Deleted { path: path(1), oid }),
            _ => Some(Change::Modified { path: path(1), oid }),
        };
        changes.extend(change);
        i += 1 + paths;
    }
    Ok(changes)
}

/// The untracked files within the pathspecs (each with its magic), ignored
/// ones left out: new files too (a clerk's report not yet added).
pub fn untracked(repo: &Path, pathspecs: &[&str]) -> Result<Vec<Change>, Text> {
    let mut args = vec![
        "ls-files",
        "--others",
        "--exclude-standard",
        "--full-name",
        "-z",
        "--",
    ];
    args.extend(pathspecs);
    let out = git_with_magic(repo, &args)?;
    Ok(fields(&out)
        .into_iter()
        .map(|p| Change::Added(GitPath(p.to_vec())))
        .collect())
}

/// The bytes of blobs, read by one `git cat-file --batch` asked for object
/// ids (a process per file cost 2–3 ms each: 25 s for 10,000 reports; ids,
/// unlike names, never hold a newline). A blob git does not have is
/// [`Text::GitBlobMissing`], naming its path: never left out.
pub fn blobs(repo: &Path, commit: &str, wanted: &[Blob]) -> Result<Vec<(GitPath, Vec<u8>)>, Text> {
    use std::io::{BufRead, Read, Write};
    let mut out = Vec::new();
    if wanted.is_empty() {
        return Ok(out);
    }
    let args = ["cat-file", "--batch"];
    let failed = |stderr: String| Text::GitFailed {
        args: args.join(" "),
        stderr,
        code: None,
    };
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| Text::GitCannotRun {
            error: e.to_string(),
        })?;
    // The ids go in on another thread, so that neither side waits on a full pipe.
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        return Err(failed("no pipe to git".into()));
    };
    let requests: Vec<String> = wanted.iter().map(|b| format!("{}\n", b.oid)).collect();
    let writer = std::thread::spawn(move || {
        for r in &requests {
            if stdin.write_all(r.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut reader = std::io::BufReader::new(stdout);
    let mut header = String::new();
    let mut result = Ok(());
    for blob in wanted {
        header.clear();
        let missing = || Text::GitBlobMissing {
            path: blob.path.escaped(),
            commit: commit.chars().take(12).collect(),
        };
        match reader.read_line(&mut header) {
            Ok(0) => {
                result = Err(missing());
                break;
            }
            Ok(_) => {}
            Err(e) => {
                result = Err(failed(e.to_string()));
                break;
            }
        }
        // "<oid> <type> <size>", or "<oid> missing".
        let fields: Vec<&str> = header.split_whitespace().collect();
        let [_, kind, size] = fields[..] else {
            result = Err(missing());
            break;
        };
        let Ok(size) = size.parse::<usize>() else {
            result = Err(failed(header.trim().to_string()));
            break;
        };
        let mut bytes = vec![0; size + 1];
        if let Err(e) = reader.read_exact(&mut bytes) {
            result = Err(failed(e.to_string()));
            break;
        }
        bytes.pop(); // the newline after the contents
        if kind != "blob" {
            result = Err(missing());
            break;
        }
        out.push((blob.path.clone(), bytes));
    }
    // Stopped early: git is not waited on for answers no one reads.
    if result.is_err() {
        let _ = child.kill();
    }
    drop(reader);
    let _ = writer.join();
    let status = child.wait().map_err(|e| failed(e.to_string()))?;
    result?;
    if !status.success() {
        let mut stderr = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut stderr);
        }
        return Err(failed(stderr.trim().to_string()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;

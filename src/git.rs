//! Reading a repository's history with the `git` command line. The only
//! module that runs git: every CI runner and clerk's machine that has the
//! data repository has git, its output formats used here are stable plumbing,
//! and it needs no C library or large dependency tree (libgit2, gitoxide).

use crate::messages::Text;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(args: &[&str]) -> Result<Vec<u8>, Text> {
    let out = Command::new("git")
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
        })
    }
}

fn text(args: &[&str]) -> Result<String, Text> {
    git(args).map(|b| String::from_utf8_lossy(&b).trim_end().to_string())
}

/// The commit where HEAD and `rev` diverged.
pub fn merge_base(rev: &str) -> Result<String, Text> {
    text(&["merge-base", "HEAD", rev])
}

/// The repository's top directory.
pub fn toplevel() -> Result<PathBuf, Text> {
    text(&["rev-parse", "--show-toplevel"]).map(PathBuf::from)
}

/// A path relative to the repository top, as git names it.
pub fn repo_path(top: &Path, path: &Path) -> String {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let abs = crate::paths::normalize(&abs);
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

/// Files under `dir` (repository-relative) at a commit.
pub fn files_at(commit: &str, dir: &str) -> Result<Vec<String>, Text> {
    let out = text(&["ls-tree", "-r", "--name-only", "-z", commit, "--", dir])?;
    Ok(out
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect())
}

/// A file's bytes at a commit.
pub fn show(commit: &str, path: &str) -> Result<Vec<u8>, Text> {
    git(&["show", &format!("{commit}:{path}")])
}

/// How a file changed between a commit and the working tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added(String),
    Modified(String),
    Deleted(String),
    Renamed { from: String, to: String },
}

/// Changes under `dir` from `commit` to the working tree, renames detected.
pub fn changes(commit: &str, dir: &str) -> Result<Vec<Change>, Text> {
    let out = git(&["diff", "--name-status", "-z", "-M", commit, "--", dir])?;
    let fields: Vec<String> = out
        .split(|b| *b == 0)
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect();
    let mut changes = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let status = &fields[i];
        if status.is_empty() {
            i += 1;
            continue;
        }
        let kind = status.chars().next().unwrap_or(' ');
        match kind {
            'R' | 'C' if i + 2 < fields.len() => {
                let (from, to) = (fields[i + 1].clone(), fields[i + 2].clone());
                changes.push(if kind == 'R' {
                    Change::Renamed { from, to }
                } else {
                    Change::Added(to)
                });
                i += 3;
            }
            _ if i + 1 < fields.len() => {
                let p = fields[i + 1].clone();
                changes.push(match kind {
                    'A' => Change::Added(p),
                    'D' => Change::Deleted(p),
                    _ => Change::Modified(p),
                });
                i += 2;
            }
            _ => break,
        }
    }
    // Untracked new files are changes too (a clerk's report not yet added).
    let untracked = text(&[
        "ls-files",
        "--others",
        "--exclude-standard",
        "-z",
        "--",
        dir,
    ])?;
    changes.extend(
        untracked
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(|s| Change::Added(s.to_string())),
    );
    Ok(changes)
}

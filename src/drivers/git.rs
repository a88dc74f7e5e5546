//! Reading a repository's history with the `git` command line. The only
//! module that runs git: every CI runner and clerk's machine that has the
//! data repository has git, its output formats used here are stable plumbing,
//! and it needs no C library or large dependency tree (libgit2, gitoxide).

use crate::diagnostics::messages::Text;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs git in the repository (or any folder of it) `repo`.
fn git(repo: &Path, args: &[&str]) -> Result<Vec<u8>, Text> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
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

fn text(repo: &Path, args: &[&str]) -> Result<String, Text> {
    git(repo, args).map(|b| String::from_utf8_lossy(&b).trim_end().to_string())
}

/// The commit where HEAD and `rev` diverged.
pub fn merge_base(repo: &Path, rev: &str) -> Result<String, Text> {
    text(repo, &["merge-base", "HEAD", rev])
}

/// The repository's top directory.
pub fn toplevel(repo: &Path) -> Result<PathBuf, Text> {
    text(repo, &["rev-parse", "--show-toplevel"]).map(PathBuf::from)
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

/// Files under `dir` (repository-relative) at a commit.
pub fn files_at(repo: &Path, commit: &str, dir: &str) -> Result<Vec<String>, Text> {
    let out = text(
        repo,
        &["ls-tree", "-r", "--name-only", "-z", commit, "--", dir],
    )?;
    Ok(out
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect())
}

/// A file's bytes at a commit.
pub fn show(repo: &Path, commit: &str, path: &str) -> Result<Vec<u8>, Text> {
    git(repo, &["show", &format!("{commit}:{path}")])
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
pub fn changes(repo: &Path, commit: &str, dir: &str) -> Result<Vec<Change>, Text> {
    let out = git(
        repo,
        &["diff", "--name-status", "-z", "-M", commit, "--", dir],
    )?;
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
    let untracked = text(
        repo,
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--",
            dir,
        ],
    )?;
    changes.extend(
        untracked
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(|s| Change::Added(s.to_string())),
    );
    Ok(changes)
}

/// The bytes of files at a commit, read by one `git cat-file --batch`
/// (a process per file cost 2–3 ms each: 25 s for 10,000 reports). A path
/// the commit does not have is left out of the map; `paths` are
/// repository-relative, as git names them.
pub fn blobs_at(
    repo: &Path,
    commit: &str,
    paths: &[String],
) -> Result<std::collections::HashMap<String, Vec<u8>>, Text> {
    use std::io::{BufRead, Read, Write};
    let mut out = std::collections::HashMap::new();
    if paths.is_empty() {
        return Ok(out);
    }
    let args = ["cat-file", "--batch"];
    let failed = |stderr: String| Text::GitFailed {
        args: args.join(" "),
        stderr,
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
    // The names go in on another thread, so that neither side waits on a
    // full pipe. A name with a newline cannot be asked for by line: left out.
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        return Err(failed("no pipe to git".into()));
    };
    let requests: Vec<String> = (paths.iter())
        .filter(|p| !p.contains('\n'))
        .map(|p| format!("{commit}:{p}\n"))
        .collect();
    let asked: Vec<&String> = paths.iter().filter(|p| !p.contains('\n')).collect();
    let writer = std::thread::spawn(move || {
        for r in &requests {
            if stdin.write_all(r.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut reader = std::io::BufReader::new(stdout);
    let mut header = String::new();
    for path in asked {
        header.clear();
        if reader
            .read_line(&mut header)
            .map_err(|e| failed(e.to_string()))?
            == 0
        {
            break;
        }
        // "<oid> <type> <size>", or "<name> missing".
        let fields: Vec<&str> = header.split_whitespace().collect();
        let [_, kind, size] = fields[..] else {
            continue;
        };
        let size: usize = size.parse().map_err(|_| failed(header.clone()))?;
        let mut bytes = vec![0; size + 1];
        reader
            .read_exact(&mut bytes)
            .map_err(|e| failed(e.to_string()))?;
        bytes.pop(); // the newline after the contents
        if kind == "blob" {
            out.insert(path.clone(), bytes);
        }
    }
    let _ = writer.join();
    let status = child.wait().map_err(|e| failed(e.to_string()))?;
    if !status.success() {
        let mut stderr = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut stderr);
        }
        return Err(failed(stderr.trim().to_string()));
    }
    Ok(out)
}

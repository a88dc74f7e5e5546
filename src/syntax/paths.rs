//! Paths as users see them: relative to the current directory, `/`-separated, no `./`.

use std::path::{Component, Path, PathBuf};

/// Lexically normalises a path (`a/./b/../c` → `a/c`) without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The display form of a path: relative to the current directory when it lies below it.
pub fn display(path: &Path) -> String {
    let norm = normalize(path);
    let rel = if norm.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| norm.strip_prefix(&cwd).ok().map(Path::to_path_buf))
            .unwrap_or(norm)
    } else {
        norm
    };
    let s = rel.to_string_lossy().replace('\\', "/");
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}

/// The display form of an entry `name` of a directory displayed as
/// `parent`: what [`display`] gives for the joined path, without taking
/// the path apart again (a walk of 100,000 names asks it for each).
pub fn child(parent: &str, name: &str) -> String {
    // One allocation: the walk's time went to allocating at 100,000 names.
    let mut out = String::with_capacity(parent.len() + 1 + name.len());
    match parent {
        "." => {}
        p if p.ends_with('/') => out.push_str(p),
        p => {
            out.push_str(p);
            out.push('/');
        }
    }
    for (i, part) in name.split('\\').enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_is_shown_as_the_joined_path_is() {
        let cwd = std::env::current_dir().unwrap();
        let parents = [
            PathBuf::from("."),
            PathBuf::from("progress"),
            PathBuf::from("./progress/"),
            PathBuf::from("progress/2023/.."),
            PathBuf::from("a/.."),
            PathBuf::from(".."),
            PathBuf::from("/"),
            PathBuf::from("/tmp/x"),
            cwd.clone(),
            cwd.join("progress"),
        ];
        for parent in parents {
            for name in ["eco-env.yaml", "2023", "a\\b.yaml", "报告.yaml"] {
                assert_eq!(
                    child(&display(&parent), name),
                    display(&parent.join(name)),
                    "{parent:?} {name}"
                );
            }
        }
    }

    #[test]
    fn display_is_relative_and_clean() {
        assert_eq!(
            display(Path::new("./progress/2023/../2022/a.yaml")),
            "progress/2022/a.yaml"
        );
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(display(&cwd.join("x/y.yaml")), "x/y.yaml");
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

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

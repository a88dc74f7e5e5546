//! Each git call on a throwaway repository whose names hold what git quotes
//! or could read as something else: a newline, a byte that is not UTF-8, a
//! leading dash, a space — in file and folder names, and in the repository's
//! own folder.

use super::*;
use std::os::unix::ffi::OsStrExt;

/// The awkward names: file and folder names with a newline, a byte that is
/// not UTF-8, a leading dash, a space, a glob character.
fn awkward() -> Vec<Vec<u8>> {
    vec![
        b"progress/2022/x\ny/eco-env.yaml".to_vec(),
        b"progress/2022/\xff/eco-env.yaml".to_vec(),
        b"progress/2022/-x/eco-env.yaml".to_vec(),
        b"progress/2022/a b/eco-env.yaml".to_vec(),
        b"progress/2022/*/eco-env.yaml".to_vec(),
        b"progress/2023/eco\nenv.yaml".to_vec(),
        b"progress/2023/eco\xffenv.yaml".to_vec(),
        b"progress/2023/-eco-env.yaml".to_vec(),
        b"progress/2023/eco env.yaml".to_vec(),
    ]
}

fn path(root: &Path, rel: &[u8]) -> PathBuf {
    root.join(std::ffi::OsStr::from_bytes(rel))
}

fn run(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=clerk",
            "-c",
            "user.email=clerk@example.org",
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository in a folder named with a newline, a byte that is not UTF-8,
/// a leading dash and a space, holding each awkward name (its content is
/// its name) committed on `main`, with a branch `pr` checked out.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = path(dir.path(), b"-r e\npo\xff");
    std::fs::create_dir(&root).unwrap();
    run(&root, &["init", "-q", "-b", "main"]);
    for rel in awkward() {
        let p = path(&root, &rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, &rel).unwrap();
    }
    std::fs::write(root.join("progress/keep.txt"), "x").unwrap();
    run(&root, &["add", "-A"]);
    run(&root, &["commit", "-q", "-m", "accepted"]);
    run(&root, &["checkout", "-q", "-b", "pr"]);
    (dir, root)
}

#[test]
fn merge_base_and_toplevel_work_in_a_folder_named_with_anything() {
    let (_dir, root) = repo();
    let top = toplevel(&root).unwrap();
    assert_eq!(
        std::fs::canonicalize(&top).unwrap(),
        std::fs::canonicalize(&root).unwrap()
    );
    let head = text(&root, &["rev-parse", "HEAD"]).unwrap();
    assert_eq!(merge_base(&root, "main").unwrap(), head);
    // A revision that starts with a dash is a name, never an option.
    for rev in [
        "--all",
        "-h",
        "--output=x",
        "nothing",
        "main^{tree}",
        "main:progress",
    ] {
        assert_eq!(
            merge_base(&root, rev),
            Err(Ok(NoMergeBase::NotACommit { shallow: false })),
            "{rev}"
        );
    }
    assert!(!root.join("x").exists());
    // A commit with no merge-base to ask for (HEAD has no commit yet): git
    // failed on a real commit, which is not "no such commit".
    run(&root, &["checkout", "-q", "--orphan", "unborn"]);
    assert!(
        matches!(merge_base(&root, "main"), Err(Err(Text::GitFailed { .. }))),
        "{:?}",
        merge_base(&root, "main")
    );
}

#[test]
fn a_merge_base_outside_a_shallow_checkout_says_it_is_shallow() {
    let (dir, root) = repo();
    // Two commits on main after the fork, one on pr: a clone of depth 1 of
    // each branch lacks the fork.
    run(&root, &["checkout", "-q", "main"]);
    for n in ["a", "b"] {
        std::fs::write(root.join("progress/keep.txt"), n).unwrap();
        run(&root, &["commit", "-qam", n]);
    }
    run(&root, &["checkout", "-q", "pr"]);
    std::fs::write(root.join("progress/keep.txt"), "pr").unwrap();
    run(&root, &["commit", "-qam", "pr"]);
    // The clone, in a folder named awkwardly too, from the same repository
    // under a plain name (a file:// address is a URL: no newline there).
    let plain = dir.path().join("plain");
    std::fs::rename(&root, &plain).unwrap();
    let clone = path(dir.path(), b"-c l\none\xff");
    let out = Command::new("git")
        .args([
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-single-branch",
            "-b",
            "pr",
        ])
        .arg(format!("file://{}", plain.display()))
        .arg(&clone)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let root = plain;
    assert_eq!(
        merge_base(&clone, "origin/main"),
        Err(Ok(NoMergeBase::Shallow))
    );
    assert_eq!(
        merge_base(&clone, "origin/nothing"),
        Err(Ok(NoMergeBase::NotACommit { shallow: true }))
    );
    // Unrelated histories, not shallow.
    run(&root, &["checkout", "-q", "--orphan", "other"]);
    run(&root, &["commit", "-qm", "unrelated"]);
    assert_eq!(merge_base(&root, "main"), Err(Ok(NoMergeBase::Unrelated)));
}

#[test]
fn ls_tree_and_cat_file_give_every_name_byte_exact_with_its_bytes() {
    let (_dir, root) = repo();
    let commit = text(&root, &["rev-parse", "HEAD"]).unwrap();
    let listed = files_at(&root, &commit, "progress").unwrap();
    let names: Vec<&[u8]> = listed.iter().map(|b| b.path.bytes()).collect();
    for rel in awkward() {
        assert!(
            names.contains(&rel.as_slice()),
            "{:?}",
            GitPath(rel).escaped()
        );
    }
    let got = blobs(&root, &commit, &listed).unwrap();
    assert_eq!(got.len(), listed.len());
    for (p, bytes) in &got {
        if p.bytes() != b"progress/keep.txt" {
            assert_eq!(&p.0, bytes, "each blob is its own name");
        }
    }
    // A folder named by a glob character is that folder, not a pattern.
    let star = files_at(&root, &commit, "progress/2022/*").unwrap();
    assert_eq!(star.len(), 1);
    assert_eq!(star[0].path.bytes(), b"progress/2022/*/eco-env.yaml");
    // A folder named with a leading dash is a folder, not an option.
    let dash = files_at(&root, &commit, "progress/2022/-x").unwrap();
    assert_eq!(dash.len(), 1);
    // A blob git does not have stops the read, naming its path.
    let missing = Blob {
        oid: "0123456789012345678901234567890123456789".into(),
        path: GitPath(b"progress/2022/x\ny/eco-env.yaml".to_vec()),
    };
    match blobs(&root, &commit, &[listed[0].clone(), missing]) {
        Err(Text::GitBlobMissing { path, .. }) => {
            assert_eq!(path, "progress/2022/x\\ny/eco-env.yaml")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn changes_and_untracked_files_list_every_name_byte_exact() {
    let (_dir, root) = repo();
    let commit = text(&root, &["rev-parse", "HEAD"]).unwrap();
    let names = awkward();
    // Modified, deleted, renamed, and untracked new files, each awkward.
    std::fs::write(path(&root, &names[0]), "changed").unwrap();
    std::fs::remove_file(path(&root, &names[1])).unwrap();
    run(&root, &["add", "-A"]);
    std::fs::create_dir_all(root.join("progress/2024")).unwrap();
    std::fs::rename(
        path(&root, &names[2]),
        path(&root, b"progress/2024/-y\n\xfe.yaml"),
    )
    .unwrap();
    run(&root, &["add", "-A"]);
    std::fs::write(path(&root, b"progress/2024/new \n\xfd.yaml"), "new").unwrap();
    std::fs::write(path(&root, &names[3]), "changed, not staged").unwrap();
    let got = changes(&root, &commit, "progress").unwrap();
    let listed = files_at(&root, &commit, "progress").unwrap();
    let oid = |rel: &[u8]| {
        (listed.iter().find(|b| b.path.bytes() == rel))
            .unwrap()
            .oid
            .clone()
    };
    let want = vec![
        Change::Modified {
            path: GitPath(names[0].clone()),
            oid: oid(&names[0]),
        },
        Change::Deleted {
            path: GitPath(names[1].clone()),
            oid: oid(&names[1]),
        },
        Change::Renamed {
            from: GitPath(names[2].clone()),
            oid: oid(&names[2]),
            to: GitPath(b"progress/2024/-y\n\xfe.yaml".to_vec()),
        },
        Change::Modified {
            path: GitPath(names[3].clone()),
            oid: oid(&names[3]),
        },
        Change::Added(GitPath(b"progress/2024/new \n\xfd.yaml".to_vec())),
    ];
    for w in &want {
        assert!(got.contains(w), "{w:?} not in {got:?}");
    }
    assert_eq!(got.len(), want.len(), "{got:?}");
    // The merge-base's side of each is read by its id.
    let before: Vec<Blob> = (got.iter())
        .filter_map(|c| c.before())
        .map(|(p, oid)| Blob {
            oid: oid.to_string(),
            path: p.clone(),
        })
        .collect();
    let read = blobs(&root, &commit, &before).unwrap();
    for (p, bytes) in read {
        assert_eq!(p.0, bytes);
    }
}

#[test]
fn a_name_plan_lint_cannot_represent_is_none_and_escaped_on_one_line() {
    let cases: [(&[u8], Option<&str>, &str); 6] = [
        (b"a/b.yaml", Some("a/b.yaml"), "a/b.yaml"),
        (b"-a b/c.yml", Some("-a b/c.yml"), "-a b/c.yml"),
        (b"x\ny/e.yaml", None, "x\\ny/e.yaml"),
        (b"\xff/e.yaml", None, "\\xff/e.yaml"),
        (b"a\\b\x7f\t.yaml", None, "a\\\\b\\x7f\\t.yaml"),
        ("年/\u{85}.yaml".as_bytes(), None, "年/\\xc2\\x85.yaml"),
    ];
    for (bytes, text, shown) in cases {
        let p = GitPath(bytes.to_vec());
        assert_eq!(p.as_str(), text);
        assert_eq!(p.escaped(), shown);
        assert!(p.is_report_like());
    }
    assert!(GitPath::from("a/B.YAML").is_report_like());
    assert!(!GitPath::from("a/b.yaml.bak").is_report_like());
}

/// A department's places are its files one year folder down, whatever
/// wildcard characters the data root's and the department's names hold:
/// in git's changes, its untracked files and the files it tracks.
#[test]
fn a_department_s_places_match_its_own_names_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    run(root, &["init", "-q", "-b", "main"]);
    let files = [
        "d*[1]/2021/e?v.yaml",
        "d*[1]/2022/e?v.yml",
        "d*[1]/2022/eav.yaml",
        "d*[1]/2022/x/e?v.yaml",
        "dx1/2021/e?v.yaml",
        "d*[1]/e?v.yaml",
    ];
    for f in files {
        let p = root.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, f).unwrap();
    }
    run(root, &["add", "-A"]);
    run(root, &["commit", "-qm", "x"]);
    let commit = text(root, &["rev-parse", "HEAD"]).unwrap();
    for f in files {
        std::fs::write(root.join(f), "changed").unwrap();
    }
    let specs = department_places("d*[1]", "e?v");
    let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
    let got: Vec<String> = (tracked_changes(root, &commit, &specs).unwrap().iter())
        .filter_map(|c| c.after()?.as_str().map(str::to_string))
        .collect();
    assert_eq!(got, ["d*[1]/2021/e?v.yaml", "d*[1]/2022/e?v.yml"]);
    std::fs::write(root.join("d*[1]/2023.yaml"), "new").unwrap();
    std::fs::create_dir_all(root.join("d*[1]/2023")).unwrap();
    std::fs::write(root.join("d*[1]/2023/e?v.yaml"), "new").unwrap();
    std::fs::write(root.join("d*[1]/2023/eav.yaml"), "new").unwrap();
    let got: Vec<Change> = untracked(root, &specs).unwrap();
    assert_eq!(got, [Change::Added(GitPath::from("d*[1]/2023/e?v.yaml"))]);
    let known = tracked(root, &specs).unwrap();
    let known: Vec<Option<&str>> = known.iter().map(GitPath::as_str).collect();
    assert_eq!(
        known,
        [Some("d*[1]/2021/e?v.yaml"), Some("d*[1]/2022/e?v.yml")]
    );
}

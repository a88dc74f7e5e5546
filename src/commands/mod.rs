//! The commands: check (the main job), convert, init, status, plan, decisions, server, test. Imports the layers below.

pub mod catalog;
pub mod check;
pub mod convert;
pub mod decisions;
pub mod explain;
pub mod fixture_test;
pub mod init;
pub mod output;
pub mod plan;
pub mod server;
pub mod setup;
pub mod status;
pub mod write;

use crate::diagnostics::messages::Lang;
use std::path::PathBuf;

/// What a command printed and its exit code.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    pub fn ok(stdout: String) -> Self {
        Output {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
    pub fn fail(stderr: String) -> Self {
        Output {
            stdout: String::new(),
            stderr,
            code: 2,
        }
    }
}

/// The environment a run sees, injectable for tests.
#[derive(Default)]
pub struct Env {
    pub stdin: Option<Vec<u8>>,
    pub color: bool,
    /// GITHUB_ACTIONS=true: annotations are the default format.
    pub github_actions: bool,
    /// GITHUB_STEP_SUMMARY: a Markdown summary is appended to this file.
    pub step_summary: Option<PathBuf>,
    /// The locale that decides the default language: the first of LC_ALL,
    /// LC_MESSAGES and LANG that is set and not empty.
    pub locale: Option<String>,
}

impl Env {
    /// The environment of the running process.
    pub fn from_process() -> Env {
        Env {
            stdin: None,
            color: std::io::IsTerminal::is_terminal(&std::io::stdout())
                && std::env::var_os("NO_COLOR").is_none(),
            github_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
            step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            // Windows has no LANG: there the system's UI language decides.
            locale: Lang::effective_locale(
                std::env::var("LC_ALL").ok(),
                std::env::var("LC_MESSAGES").ok(),
                std::env::var("LANG").ok(),
            )
            .or_else(sys_locale::get_locale),
        }
    }
}

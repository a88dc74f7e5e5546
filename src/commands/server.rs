//! `plan-lint server`: the Language Server Protocol over standard input and
//! output, for the clerk's editor. The only module that names `lsp-server`
//! and `lsp-types`.
//!
//! The workspace is set up once, as `check` sets up a run: plan-lint.toml
//! found from the workspace root, the plans it and `--plan` name, the data
//! root (walked once: names, not files) and the decisions register. A
//! department's record is read the first time one of its reports is
//! checked — what `check FILE` reads, widened to the departments the plans
//! add — and kept after that ([`check::Kept`]). An open report is checked
//! with its buffer standing in for the file on disk
//! ([`check::check_text`]), so it gets the findings `plan-lint check FILE`
//! gives. A saved report under the data root is read again; nothing else is
//! re-read between changes.
//!
//! Changes that arrive while a check runs are taken together: the queue is
//! drained before the open documents that changed are checked once each.

use crate::commands::{Env, Output};
use crate::diagnostics::diagnostic::{Diagnostic, Severity};
use crate::diagnostics::messages::{self, Lang, ServerText, Text};
use crate::engine::check::{self, Kept};
use crate::load::config::Config;
use crate::load::workspace::CheckOptions;
use crate::model::plan::Plans;
use crate::model::plan::{Attribute, Plan, ProjectStatus};
use crate::model::report::Report;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

mod assist;

/// What the command line gives the server.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub plan_dirs: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// The locale that decides the language when nothing else does.
    pub locale: Option<String>,
}

/// `plan-lint server`: serves standard input and output until the editor
/// says `exit`.
pub fn serve_stdio(
    plan_dirs: Vec<PathBuf>,
    config: Option<PathBuf>,
    lang: Option<Lang>,
    env: Env,
) -> Output {
    let (connection, io) = Connection::stdio();
    let opts = Options {
        plan_dirs,
        config,
        lang,
        locale: env.locale,
    };
    let served = serve(connection, opts);
    let joined = io.join();
    let lang = lang.unwrap_or(Lang::En);
    match (served, joined) {
        (Ok(()), _) => Output {
            stdout: String::new(),
            stderr: String::new(),
            code: 0,
        },
        (Err(detail), _) => Output {
            stdout: String::new(),
            stderr: format!("{}\n", ServerText::ServerNotStarted { detail }.text(lang)),
            code: 2,
        },
    }
}

/// Serves one connection: the handshake, then requests and notifications
/// until `shutdown` and `exit` (or the connection closes).
pub fn serve(connection: Connection, opts: Options) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let init: lsp::InitializeParams = match serde_json::from_value(params.clone()) {
        Ok(p) => p,
        Err(e) => {
            let lang = opts.lang.unwrap_or_default();
            let text = ServerText::ServerBadParams {
                method: "initialize".into(),
                detail: e.to_string(),
            }
            .text(lang);
            let response = Response::new_err(id, ErrorCode::InvalidParams as i32, text.clone());
            let _ = connection.sender.send(response.into());
            return Err(text);
        }
    };
    let root = workspace_root(&init);
    let asked = (init.initialization_options.as_ref())
        .and_then(|o| o.get("lang"))
        .and_then(Value::as_str)
        .and_then(|l| match l {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        });
    let mut state = State::new(&opts, root, asked);
    let capabilities = lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::FULL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into()]),
            ..Default::default()
        }),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        ..Default::default()
    };
    let result = json!({
        "capabilities": capabilities,
        "serverInfo": {"name": "plan-lint", "version": env!("CARGO_PKG_VERSION")},
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    for (kind, text) in std::mem::take(&mut state.problems) {
        notify_message(&connection, kind, text);
    }
    main_loop(&connection, &mut state)
}

fn main_loop(connection: &Connection, state: &mut State) -> Result<(), String> {
    loop {
        let Ok(msg) = connection.receiver.recv() else {
            return Ok(());
        };
        if handle(connection, state, msg)? {
            return Ok(());
        }
        // Changes queued meanwhile are taken together, then each changed
        // document is checked once.
        while let Ok(msg) = connection.receiver.try_recv() {
            if handle(connection, state, msg)? {
                return Ok(());
            }
        }
        state.publish_dirty(connection);
    }
}

/// Handles one message; true when the server is to stop.
fn handle(connection: &Connection, state: &mut State, msg: Message) -> Result<bool, String> {
    match msg {
        Message::Request(req) => {
            if connection
                .handle_shutdown(&req)
                .map_err(|e| e.to_string())?
            {
                return Ok(true);
            }
            // An answer reflects every change received before the question.
            state.publish_dirty(connection);
            let id = req.id.clone();
            let internal = ServerText::ServerInternal.text(state.lang);
            let answer =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| state.request(req)))
                    .unwrap_or(Err((ErrorCode::InternalError, internal)));
            let response = match answer {
                Ok(v) => Response::new_ok(id, v),
                Err((code, text)) => Response::new_err(id, code as i32, text),
            };
            send(connection, response.into());
        }
        Message::Notification(n) => {
            if n.method == lsp::notification::Exit::METHOD {
                return Ok(true);
            }
            let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                state.notification(connection, n)
            }));
            if handled.is_err() {
                let text = ServerText::ServerInternal.text(state.lang);
                notify_message(connection, lsp::MessageType::ERROR, text);
            }
        }
        Message::Response(_) => {}
    }
    Ok(false)
}

fn send(connection: &Connection, msg: Message) {
    let _ = connection.sender.send(msg);
}

fn notify_message(connection: &Connection, kind: lsp::MessageType, text: String) {
    let params = lsp::ShowMessageParams {
        typ: kind,
        message: text,
    };
    send(
        connection,
        Notification::new(lsp::notification::ShowMessage::METHOD.into(), params).into(),
    );
}

/// The workspace's folder: the first workspace folder, else the root URI,
/// else the root path, else the current folder.
#[allow(deprecated)]
fn workspace_root(init: &lsp::InitializeParams) -> PathBuf {
    let from_uri = |u: &lsp::Uri| path_of(u.as_str());
    (init.workspace_folders.as_ref())
        .and_then(|f| f.first())
        .and_then(|f| from_uri(&f.uri))
        .or_else(|| init.root_uri.as_ref().and_then(from_uri))
        .or_else(|| init.root_path.as_ref().map(PathBuf::from))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// The path of a `file:` URI, percent-decoded; None for another scheme.
pub fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(a), Some(b)) => {
                    out.push((a * 16 + b) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    let text = String::from_utf8(out).ok()?;
    // `file:///C:/x` on Windows.
    let text = match text.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() && cfg!(windows) => text[1..].to_string(),
        _ => text,
    };
    Some(PathBuf::from(text))
}

/// The `file:` URI of an absolute path.
pub fn uri_of(path: &Path) -> Option<lsp::Uri> {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    lsp::Uri::from_str(&out).ok()
}

/// Byte offsets and LSP positions (lines from 0, columns in UTF-16 code
/// units) of one text; line breaks as YAML and LSP read them: LF, CR LF, CR.
struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            (bytes.iter().enumerate())
                .filter(|&(i, b)| *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    fn position(&self, offset: usize) -> lsp::Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = self.text[start..offset].encode_utf16().count();
        lsp::Position::new(line as u32, character as u32)
    }

    fn range(&self, start: usize, end: usize) -> lsp::Range {
        lsp::Range::new(self.position(start), self.position(end))
    }

    /// The byte offset of a position; past a line's end is its end.
    fn offset(&self, p: lsp::Position) -> usize {
        let Some(&start) = self.starts.get(p.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(p.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = &self.text[start..end];
        let line = line.trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= p.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }
}

/// An open document.
struct Doc {
    path: PathBuf,
    text: String,
    version: Option<i32>,
    /// The findings of the current text, with their fixes.
    diagnostics: Vec<Diagnostic>,
    /// The text as a report, as last parsed.
    report: Option<Report>,
    /// Changed since it was last checked.
    dirty: bool,
}

struct State {
    lang: Lang,
    root: PathBuf,
    plans: Plans,
    config: Config,
    opts: Option<CheckOptions>,
    kept: Kept,
    /// The record at the merge-base of HEAD and plan-lint.toml's `base`
    /// branch, read once: PL401 as the clerk types (trust.md version 3).
    record_at_base: Option<crate::drivers::pull_request::RecordAtBase>,
    docs: BTreeMap<String, Doc>,
    /// Messages for the editor found while setting up.
    problems: Vec<(lsp::MessageType, String)>,
}

type Answer = Result<Value, (ErrorCode, String)>;

impl State {
    fn new(opts: &Options, root: PathBuf, asked: Option<Lang>) -> State {
        let config_path = (opts.config.clone()).or_else(|| crate::load::config::find(&root));
        // The language: initializationOptions, --lang, plan-lint.toml, the locale.
        let config_lang = (config_path.as_deref())
            .and_then(|p| crate::load::config::load(p).ok())
            .and_then(|c| c.lang);
        let lang = asked
            .or(opts.lang)
            .or(config_lang)
            .unwrap_or_else(|| Lang::from_locale(opts.locale.as_deref()));
        let mut problems = Vec::new();
        let (plans, config) =
            match crate::commands::setup::setup_from(&opts.plan_dirs, config_path.as_deref(), lang)
            {
                Ok(x) => x,
                Err(o) => {
                    problems.push((lsp::MessageType::ERROR, o.stderr));
                    // The built-in plan alone, so that the clerk still gets the checks.
                    match crate::commands::setup::setup_from(&[], None, lang) {
                        Ok(x) => x,
                        Err(o) => {
                            problems.push((lsp::MessageType::ERROR, o.stderr));
                            (Plans(Vec::new()), Config::default())
                        }
                    }
                }
            };
        let mut state = State {
            lang,
            root,
            plans,
            config,
            opts: None,
            kept: Kept::load(&CheckOptions::new("", today())),
            record_at_base: None,
            docs: BTreeMap::new(),
            problems,
        };
        // The data root: plan-lint.toml's, else `progress/` in the workspace;
        // else it is found from the first report opened.
        let data_root = (state.config.data_root.clone())
            .map(|d| absolute(&state.root, &d))
            .or_else(|| Some(state.root.join("progress")).filter(|p| p.is_dir()));
        if let Some(d) = data_root {
            state.set_data_root(d);
        }
        state
    }

    /// Walks a data root and loads its register; no report is read yet.
    fn set_data_root(&mut self, data_root: PathBuf) {
        let mut opts = CheckOptions::new(&data_root, today());
        opts.exclude = self.config.exclude.clone();
        opts.severity = self.config.severity.clone();
        if let Some(max) = self.config.max_file_size {
            opts.max_file_size = max;
        }
        // With `base` in plan-lint.toml, the record is compared with the
        // merge-base of HEAD and that branch, and the register read there,
        // as CI reads it; without the ref or merge-base, a note says why not.
        self.record_at_base = None;
        let at = self.config.base.clone().and_then(|rev| {
            let dir = if self.config.dir.as_os_str().is_empty() {
                self.root.clone()
            } else {
                self.config.dir.clone()
            };
            let read = crate::drivers::pull_request::Base::of_record(&dir, &rev)
                .and_then(|at| crate::drivers::pull_request::RecordAtBase::read(at, &data_root));
            match read {
                Ok(r) => Some(r),
                Err(why) => {
                    let note = Text::BaseNotChecked {
                        rev,
                        why: Box::new(why),
                    };
                    (self.problems).push((lsp::MessageType::INFO, note.text(self.lang)));
                    None
                }
            }
        });
        // The register and the walk of the data root (names only) at once.
        let (register, kept) = rayon::join(
            || {
                crate::commands::setup::decisions_register(
                    None,
                    &self.config,
                    &data_root,
                    &self.plans,
                    at.as_ref().map(|r| &r.base),
                    self.lang,
                )
            },
            || Kept::load(&opts),
        );
        match register {
            Ok((register, _)) => opts.decisions = std::sync::Arc::new(register),
            Err(o) => (self.problems).push((lsp::MessageType::ERROR, o.stderr)),
        }
        self.kept = kept;
        self.opts = Some(opts);
        self.record_at_base = at;
    }

    fn request(&mut self, req: Request) -> Answer {
        let bad = |method: &str, e: serde_json::Error| {
            let text = ServerText::ServerBadParams {
                method: method.into(),
                detail: e.to_string(),
            };
            (ErrorCode::InvalidParams, text.text(self.lang))
        };
        match req.method.as_str() {
            lsp::request::HoverRequest::METHOD => {
                let p: lsp::HoverParams =
                    serde_json::from_value(req.params).map_err(|e| bad(&req.method, e))?;
                let at = p.text_document_position_params;
                self.read_for_hover(at.text_document.uri.as_str(), at.position);
                Ok(json!(self.hover(at.text_document.uri.as_str(), at.position)))
            }
            lsp::request::Completion::METHOD => {
                let p: lsp::CompletionParams =
                    serde_json::from_value(req.params).map_err(|e| bad(&req.method, e))?;
                let at = p.text_document_position;
                Ok(json!(
                    self.complete(at.text_document.uri.as_str(), at.position)
                ))
            }
            lsp::request::CodeActionRequest::METHOD => {
                let p: lsp::CodeActionParams =
                    serde_json::from_value(req.params).map_err(|e| bad(&req.method, e))?;
                Ok(json!(self.code_actions(&p.text_document.uri, p.range)))
            }
            method => Err((
                ErrorCode::MethodNotFound,
                ServerText::ServerUnknownRequest {
                    method: method.into(),
                }
                .text(self.lang),
            )),
        }
    }

    fn notification(&mut self, connection: &Connection, n: Notification) {
        use lsp::notification as N;
        match n.method.as_str() {
            N::DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                let d = p.text_document;
                let Some(path) = path_of(d.uri.as_str()) else {
                    return;
                };
                if self.opts.is_none() {
                    if let Some(root) = data_root_around(&path) {
                        self.set_data_root(root);
                        for (kind, text) in std::mem::take(&mut self.problems) {
                            notify_message(connection, kind, text);
                        }
                    }
                }
                self.docs.insert(
                    d.uri.as_str().to_string(),
                    Doc {
                        path,
                        text: d.text,
                        version: Some(d.version),
                        diagnostics: Vec::new(),
                        report: None,
                        dirty: true,
                    },
                );
            }
            N::DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        None => doc.text = change.text,
                        Some(r) => {
                            let index = LineIndex::new(&doc.text);
                            let (a, b) = (index.offset(r.start), index.offset(r.end));
                            let (a, b) = (a.min(b), a.max(b));
                            doc.text.replace_range(a..b, &change.text);
                        }
                    }
                }
                doc.version = Some(p.text_document.version);
                doc.dirty = true;
            }
            N::DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                if self.docs.remove(p.text_document.uri.as_str()).is_some() {
                    publish(connection, &p.text_document.uri, Vec::new(), None);
                }
            }
            N::DidSaveTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidSaveTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = path_of(p.text_document.uri.as_str()) {
                    self.reread(&[path]);
                }
            }
            N::DidChangeWatchedFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeWatchedFilesParams>(n.params)
                else {
                    return;
                };
                let paths: Vec<PathBuf> = (p.changes.iter())
                    .filter_map(|c| path_of(c.uri.as_str()))
                    .collect();
                self.reread(&paths);
            }
            _ => {}
        }
    }

    /// Reads saved reports under the data root again; every open document
    /// is checked again, its history having changed.
    fn reread(&mut self, paths: &[PathBuf]) {
        let Some(opts) = &self.opts else { return };
        let mut changed = false;
        for p in paths {
            if self.kept.holds(p) {
                self.kept.reload(&self.plans, opts, p);
                changed = true;
            }
        }
        if changed {
            self.docs.values_mut().for_each(|d| d.dirty = true);
        }
    }

    /// Checks each changed document and publishes its findings.
    fn publish_dirty(&mut self, connection: &Connection) {
        let dirty: Vec<String> = (self.docs.iter())
            .filter(|(_, d)| d.dirty)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in dirty {
            self.check(&uri);
            let Some(doc) = self.docs.get(&uri) else {
                continue;
            };
            let Ok(u) = lsp::Uri::from_str(&uri) else {
                continue;
            };
            let diagnostics = self.lsp_diagnostics(doc);
            publish(connection, &u, diagnostics, doc.version);
        }
    }

    /// Checks one open document, if it is a report: a `.yaml` file under
    /// the data root, or one elsewhere that says which department and
    /// period it is.
    fn check(&mut self, uri: &str) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        doc.dirty = false;
        let is_yaml = doc.path.extension().is_some_and(|e| e == "yaml");
        let looks_like_report =
            (doc.text.lines()).any(|l| l.starts_with("department:") || l.starts_with("period:"));
        if !is_yaml || !(self.kept.holds(&doc.path) || looks_like_report) {
            doc.diagnostics.clear();
            doc.report = None;
            return;
        }
        let default_opts;
        let opts = match &self.opts {
            Some(o) => {
                let mut o = o.clone();
                o.today = today();
                default_opts = o;
                &default_opts
            }
            None => {
                default_opts = CheckOptions::new(self.root.join("progress"), today());
                &default_opts
            }
        };
        let bytes = doc.text.clone().into_bytes();
        match check::check_text(&self.plans, opts, &mut self.kept, &doc.path, bytes) {
            Ok(mut c) => {
                if let (Some(at), Some(r)) = (&self.record_at_base, &c.report) {
                    c.diagnostics.extend(at.rewritten(&opts.decisions, r));
                    crate::engine::rules::history_integrity::name_office(
                        &mut c.diagnostics,
                        &self.plans,
                    );
                    crate::diagnostics::diagnostic::sort(&mut c.diagnostics);
                }
                doc.diagnostics = c.diagnostics;
                doc.report = c.report;
            }
            Err(e) => {
                doc.diagnostics.clear();
                doc.report = None;
                eprintln!("{}", e.error_line(self.lang).trim_end());
            }
        }
    }

    fn lsp_diagnostics(&self, doc: &Doc) -> Vec<lsp::Diagnostic> {
        let index = LineIndex::new(&doc.text);
        let shown = crate::syntax::paths::display(&doc.path);
        (doc.diagnostics.iter())
            .filter(|d| !d.suppressed)
            .map(|d| self.lsp_diagnostic(d, &index, &shown))
            .collect()
    }

    fn lsp_diagnostic(&self, d: &Diagnostic, index: &LineIndex, shown: &str) -> lsp::Diagnostic {
        let lang = self.lang;
        let range = match d.location.span {
            Some(s) if d.location.path == shown => index.range(s.start(), s.end()),
            _ => lsp::Range::default(),
        };
        let texts = d.texts(lang);
        let message = if texts.help.is_empty() {
            texts.message
        } else {
            format!("{}\n{}", texts.message, texts.help)
        };
        let related: Vec<lsp::DiagnosticRelatedInformation> = (d.related.iter())
            .filter_map(|r| {
                let (source, span) = (r.location.source.as_ref()?, r.location.span?);
                let path = absolute(&std::env::current_dir().ok()?, Path::new(&source.path));
                if !path.is_file() {
                    // A built-in plan file is not on the disk.
                    return None;
                }
                let text = source.text();
                let at = LineIndex::new(text).range(span.start(), span.end());
                Some(lsp::DiagnosticRelatedInformation {
                    location: lsp::Location::new(uri_of(&path)?, at),
                    message: r.note.text(lang),
                })
            })
            .collect();
        lsp::Diagnostic {
            range,
            severity: Some(match d.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            }),
            code: Some(lsp::NumberOrString::String(d.code.to_string())),
            source: Some("plan-lint".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..Default::default()
        }
    }
}

fn publish(
    connection: &Connection,
    uri: &lsp::Uri,
    diagnostics: Vec<lsp::Diagnostic>,
    version: Option<i32>,
) {
    let params = lsp::PublishDiagnosticsParams {
        uri: uri.clone(),
        diagnostics,
        version,
    };
    send(
        connection,
        Notification::new(lsp::notification::PublishDiagnostics::METHOD.into(), params).into(),
    );
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn absolute(base: &Path, p: &Path) -> PathBuf {
    crate::syntax::paths::normalize(&if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    })
}

/// The data root of a report filed as `<data root>/<year>/<file>`.
fn data_root_around(path: &Path) -> Option<PathBuf> {
    crate::load::workspace::folder_year(&path.to_string_lossy())?;
    Some(path.parent()?.parent()?.to_path_buf()).filter(|p| p.is_dir())
}

/// The id-like word around a byte offset: letters, digits, `-`, `_`, `.`.
fn word_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    let offset = (0..=offset.min(text.len()))
        .rev()
        .find(|&o| text.is_char_boundary(o))?;
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start < end).then_some((start, end))
}

/// The top-level list (`indicators` or `projects`) the text before a line is inside.
fn section_at(before: &str) -> Option<&'static str> {
    before
        .lines()
        .rev()
        .find_map(|l| {
            let key = l.split(':').next()?;
            if l.starts_with([' ', '\t', '-', '#']) || key.is_empty() || !l.contains(':') {
                return None;
            }
            Some(match key.trim() {
                "indicators" => "indicators",
                "projects" => "projects",
                _ => "",
            })
        })
        .filter(|s| !s.is_empty())
}

/// A top-level key's plain value (`department: eco-env`).
fn top_level_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let v = l.strip_prefix(key)?.strip_prefix(':')?;
        let v = v.split(" #").next()?.trim().trim_matches(['"', '\'']);
        (!v.is_empty()).then(|| v.to_string())
    })
}

/// The ids the text already has entries for (`id: X`, `{id: X, ...}`).
fn written_ids(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("id:") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 3..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let v = rest.trim_start_matches([' ', '\t']);
        let end = v
            .find([' ', '\t', ',', '}', '\n', '\r', '#'])
            .unwrap_or(v.len());
        let id = v[..end].trim_matches(['"', '\'']);
        if !id.is_empty() {
            out.insert(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_and_every_line_break() {
        let text = "a: 空气\r\nb: 𝄞x\rc";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(x), lsp::Position::new(1, 5));
        assert_eq!(index.offset(lsp::Position::new(1, 5)), x);
        assert_eq!(index.position(text.len()), lsp::Position::new(2, 1));
        assert_eq!(index.offset(lsp::Position::new(9, 0)), text.len());
        assert_eq!(
            index.offset(lsp::Position::new(0, 99)),
            text.find('\r').unwrap()
        );
    }

    #[test]
    fn file_uris_round_trip() {
        let p = Path::new("/tmp/南明 区/2023/eco-env.yaml");
        let u = uri_of(p).unwrap();
        assert_eq!(path_of(u.as_str()).unwrap(), p);
        assert_eq!(path_of("http://x/y"), None);
        assert_eq!(path_of("file:///a%2"), Some(PathBuf::from("/a%2")));
    }

    #[test]
    fn words_sections_and_ids() {
        let text = "department: eco-env\nindicators:\n  - id: I14\n  - {id: I15, value: 1}\nprojects:\n  - id: ";
        let at = text.find("I14").unwrap() + 1;
        assert_eq!(word_at(text, at).map(|(s, e)| &text[s..e]), Some("I14"));
        assert_eq!(
            section_at(&text[..text.find("  - id: I14").unwrap()]),
            Some("indicators")
        );
        assert_eq!(section_at(text), Some("projects"));
        assert_eq!(
            top_level_value(text, "department").as_deref(),
            Some("eco-env")
        );
        assert_eq!(written_ids(text), BTreeSet::from(["I14", "I15"]));
    }
}

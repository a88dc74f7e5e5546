//! YAML loading with source spans: plan-lint's YAML layer, the only crate of
//! the workspace that names `saphyr-parser`. It depends on nothing of
//! plan-lint (plan-lint re-exports it as `syntax::yaml`, and build.rs uses it
//! to prepare the built-in plan), so it is fuzzed (`yaml_load`) and its fast
//! scanner differential-tested (`tests/it/fast_yaml.rs`) on its own.
//!
//! The event parser gives us every scalar, sequence and mapping with its
//! position; we build a small tree of [`Node`]s that keeps a byte span for
//! every key and value, resolves plain scalars by the YAML 1.2 core schema
//! (so `yes`, `no`, `on` stay strings), and enforces the limits that keep a
//! hostile file from costing more than its size: duplicate keys, nesting
//! depth, alias expansion, tags and multiple documents are all load errors
//! with a location.

mod diagnose;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use std::collections::HashMap;

/// A byte range in the source file (BOM included in the offsets).
///
/// Stored as two `u32`s: a span sits in every node, typed report field and
/// history fact, so 8 bytes instead of 16 matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        // Offsets beyond 4 GiB saturate; reports are limited far below that by max_file_size.
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Span {
            start: clamp(start),
            end: clamp(end),
        }
    }
    pub fn start(&self) -> usize {
        self.start as usize
    }
    pub fn end(&self) -> usize {
        self.end as usize
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A parsed YAML node with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    /// A number as written; `f64` keeps every value a report can hold, the
    /// flag says whether it was written as an integer.
    Number {
        value: f64,
        integer: bool,
    },
    Str(String),
    Seq(Vec<Node>),
    /// Entries in source order: key node, value node.
    Map(Vec<(Node, Node)>),
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            NodeKind::Number { value, .. } => Some(value),
            _ => None,
        }
    }
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Seq(v) => Some(v),
            _ => None,
        }
    }
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            NodeKind::Map(v) => Some(v),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }
    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }
    /// The key node and the value node under `key` of a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k, v))
    }
    /// A short name of the node's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "boolean",
            NodeKind::Number { integer: true, .. } => "integer",
            NodeKind::Number { .. } => "number",
            NodeKind::Str(_) => "string",
            NodeKind::Seq(_) => "list",
            NodeKind::Map(_) => "mapping",
        }
    }

    /// Walks a JSON pointer (`/indicators/0/value`) down the tree. Returns the
    /// node and, when the last step was a mapping key, that key's node.
    pub fn pointer(&self, pointer: &str) -> Option<(Option<&Node>, &Node)> {
        let mut node = self;
        let mut key = None;
        if pointer.is_empty() {
            return Some((None, node));
        }
        for raw in pointer.strip_prefix('/')?.split('/') {
            let part = raw.replace("~1", "/").replace("~0", "~");
            match &node.kind {
                NodeKind::Map(entries) => {
                    let (k, v) = entries.iter().find(|(k, _)| k.key_text() == part)?;
                    key = Some(k);
                    node = v;
                }
                NodeKind::Seq(items) => {
                    node = items.get(part.parse::<usize>().ok()?)?;
                    key = None;
                }
                _ => return None,
            }
        }
        Some((key, node))
    }

    /// The text of a mapping key as the JSON view names it.
    pub fn key_text(&self) -> String {
        match &self.kind {
            NodeKind::Str(s) => s.clone(),
            NodeKind::Null => "null".into(),
            NodeKind::Bool(b) => b.to_string(),
            NodeKind::Number { value, integer } => format_number(*value, *integer),
            NodeKind::Seq(_) | NodeKind::Map(_) => "<complex key>".into(),
        }
    }

    /// The JSON view of the tree, for schema validation. Non-finite numbers
    /// (`.nan`, `.inf`, `1e400`) have no JSON form: they become strings the
    /// schema rejects, and the schema layer names them as non-finite.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number { value, integer } => {
                if *integer && value.fract() == 0.0 && value.abs() < 9.0e15 {
                    Value::from(*value as i64)
                } else {
                    serde_json::Number::from_f64(*value)
                        .map(Value::Number)
                        .unwrap_or_else(|| Value::String(format_number(*value, false)))
                }
            }
            NodeKind::Str(s) => Value::String(s.clone()),
            NodeKind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeKind::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.key_text(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

impl Node {
    /// The JSON view of the tree, like [`Node::to_json`], taking the tree
    /// apart instead of copying its strings.
    pub fn into_json(self) -> serde_json::Value {
        use serde_json::Value;
        match self.kind {
            NodeKind::Str(s) => Value::String(s),
            NodeKind::Seq(items) => Value::Array(items.into_iter().map(Node::into_json).collect()),
            NodeKind::Map(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        let key = match k.kind {
                            NodeKind::Str(s) => s,
                            _ => k.key_text(),
                        };
                        (key, v.into_json())
                    })
                    .collect(),
            ),
            _ => self.to_json(),
        }
    }
}

/// Formats a number the way a clerk wrote it: integers without a fraction,
/// others in the shortest form that reads back to the same value.
/// The part of a scalar's span that is the scalar as written: a quoted
/// scalar's span also covers the spaces and comment after it on its line
/// (the parser's convention), which an edit of the value must keep.
pub fn scalar_extent(text: &str, span: Span) -> Span {
    let Some(written) = text.get(span.start()..span.end()) else {
        return span;
    };
    let mut chars = written.char_indices();
    let end = match chars.next() {
        Some((_, '"')) => {
            let mut escaped = false;
            chars.find_map(|(i, c)| match c {
                _ if escaped => {
                    escaped = false;
                    None
                }
                '\\' => {
                    escaped = true;
                    None
                }
                '"' => Some(i + 1),
                _ => None,
            })
        }
        Some((_, '\'')) => {
            let b = written.as_bytes();
            let mut i = 1;
            loop {
                match b.get(i) {
                    Some(b'\'') if b.get(i + 1) == Some(&b'\'') => i += 2,
                    Some(b'\'') => break Some(i + 1),
                    Some(_) => i += 1,
                    None => break None,
                }
            }
        }
        _ => None,
    };
    match end {
        Some(e) => Span::new(span.start(), span.start() + e),
        None => span,
    }
}

pub fn format_number(value: f64, integer: bool) -> String {
    if value.is_nan() {
        ".nan".into()
    } else if value.is_infinite() {
        if value > 0.0 { ".inf" } else { "-.inf" }.into()
    } else if integer && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Limits on what one file may cost.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Deepest nesting of sequences and mappings.
    pub max_depth: usize,
    /// Most nodes a file may produce, aliases expanded.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_nodes: 200_000,
        }
    }
}

/// Why a file could not be loaded, with where. The words are plan-lint's
/// message catalog's (src/diagnostics/messages/), so that they exist in every
/// language; this crate is also plan-lint's build dependency, which needs no words.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub span: Span,
    /// A second place that explains the first (the first occurrence of a duplicate key).
    pub related: Option<Span>,
}

/// What went wrong while loading, with the values a message shows.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadErrorKind {
    /// The parser's own description of a syntax error.
    Syntax {
        info: String,
        hint: SyntaxHint,
    },
    MultipleDocuments,
    UnknownAnchor,
    /// A plain integer past 64 bits, as written (cut at 40 characters).
    IntegerTooLarge {
        text: String,
    },
    MergeKey,
    DuplicateKey {
        key: String,
    },
    /// A key given twice because the lines meant for the empty block
    /// `parent:` between the two were not indented under it by `by` spaces.
    UnderIndented {
        key: String,
        parent: String,
        by: usize,
    },
    AliasLimit {
        max_nodes: usize,
    },
    TooDeep {
        max_depth: usize,
    },
    /// A tag as written (cut at 40 characters).
    Tag {
        tag: String,
    },
    ControlCharacter {
        ch: char,
    },
    Unbalanced,
}

/// Which help a syntax error gets: what the clerk wrote, where the
/// lines around the parser's stop show it (`value` as written after the key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxHint {
    Tab,
    UnknownAnchor,
    /// `value 41.9`.
    MissingColon {
        key: String,
        value: String,
    },
    /// `value：41.9`, a Chinese input method's colon.
    FullWidthColon {
        key: String,
        value: String,
    },
    /// `value:41.9` before a line the parser could not read.
    NoSpaceAfterColon {
        key: String,
        value: String,
    },
    /// A key line indented by `found` spaces where the block's keys stand
    /// at `expected`, as `key` does on `line` (1-based).
    Indent {
        found: usize,
        expected: usize,
        line: usize,
        key: String,
    },
    Other,
}

/// Converts the parser's character positions to byte offsets. Positions
/// mostly come in increasing order, so a cursor walks forward through the
/// text; a checkpoint every [`CHECKPOINT`] characters bounds the walk back.
struct Offsets<'a> {
    text: &'a str,
    base: usize,
    ascii: bool,
    /// (char index, byte offset) of the cursor.
    cursor: std::cell::Cell<(usize, usize)>,
    /// Byte offset of every CHECKPOINT-th character walked so far.
    checkpoints: std::cell::RefCell<Vec<usize>>,
}

const CHECKPOINT: usize = 256;

impl<'a> Offsets<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        Offsets {
            text,
            base,
            ascii: text.is_ascii(),
            cursor: std::cell::Cell::new((0, 0)),
            checkpoints: std::cell::RefCell::new(vec![0]),
        }
    }
    fn byte(&self, char_index: usize) -> usize {
        let b = if self.ascii {
            char_index.min(self.text.len())
        } else {
            self.walk(char_index)
        };
        b + self.base
    }
    /// The byte offset of a char index (the text's length past its end).
    fn walk(&self, target: usize) -> usize {
        let (mut ci, mut bi) = self.cursor.get();
        let mut checkpoints = self.checkpoints.borrow_mut();
        if target < ci {
            let k = (target / CHECKPOINT).min(checkpoints.len() - 1);
            ci = k * CHECKPOINT;
            bi = checkpoints[k];
        }
        let bytes = self.text.as_bytes();
        while ci < target && bi < bytes.len() {
            bi += utf8_len(bytes[bi]);
            ci += 1;
            if ci % CHECKPOINT == 0 && ci / CHECKPOINT == checkpoints.len() {
                checkpoints.push(bi);
            }
        }
        let bi = bi.min(bytes.len());
        self.cursor.set((ci, bi));
        bi
    }
    fn span(&self, s: saphyr_parser::Span) -> Span {
        Span::new(self.byte(s.start.index()), self.byte(s.end.index()))
    }
}

/// The length of a UTF-8 sequence from its first byte.
fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

enum Frame {
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        pending_key: Option<Node>,
        /// Key texts seen, made only once a mapping grows past [`SCAN_KEYS`]
        /// entries; smaller mappings are scanned.
        seen: Option<HashMap<String, Span>>,
    },
}

mod events;
/// The scanner for the block-style subset reports are written in.
mod fast;
use events::*;

/// Typed values straight from the tree.
pub mod de;

/// Parses one YAML document. `text` is the file without a BOM; `base` is the
/// BOM's length, added to every offset so spans index the file as stored.
///
/// Files in the block-style subset reports are written in take the fast
/// scanner; any other file, and every file with an error, goes through
/// saphyr-parser ([`load_events`]), which gives the same tree.
/// A string as a YAML scalar that reads back as the same string, in a block
/// (`key: value`, `- value`) and in a flow collection (`{key: value}`):
/// plain when this loader reads the plain form back as that string in both
/// (not a number, a boolean, null, nor text YAML would split), else
/// double-quoted (JSON's quoting is YAML's). For files plan-lint writes.
pub fn scalar(s: &str) -> String {
    let as_string = |n: &Node| matches!(&n.kind, NodeKind::Str(v) if v == s);
    let reads_back = !s.is_empty()
        && !s.contains(['\n', '\r'])
        && load(&format!("k: {s}\n"), 0, Limits::default())
            .is_ok_and(|n| n.get("k").is_some_and(as_string))
        && load(&format!("k: [{s}]\n"), 0, Limits::default()).is_ok_and(|n| {
            n.get("k")
                .and_then(Node::as_seq)
                .is_some_and(|items| items.len() == 1 && as_string(&items[0]))
        });
    if reads_back {
        s.to_string()
    } else {
        serde_json::Value::String(s.to_string()).to_string()
    }
}

pub fn load(text: &str, base: usize, limits: Limits) -> Result<Node, LoadError> {
    if let Some(e) = control_character(text, base) {
        return Err(e);
    }
    if let Some(node) = fast::load(text, base, limits) {
        return Ok(node);
    }
    parse_events(text, base, limits)
}

/// The fast scanner alone: the tree of a file in its subset, else `None`.
/// For tests that compare it with [`load_events`].
#[doc(hidden)]
pub fn load_subset(text: &str, base: usize, limits: Limits) -> Option<Node> {
    if control_character(text, base).is_some() {
        return None;
    }
    fast::load(text, base, limits)
}

/// Parses one YAML document through saphyr-parser's events, never the fast
/// scanner: the reference the fast path is tested against.
pub fn load_events(text: &str, base: usize, limits: Limits) -> Result<Node, LoadError> {
    if let Some(e) = control_character(text, base) {
        return Err(e);
    }
    parse_events(text, base, limits)
}

#[cfg(test)]
mod tests;

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

/// The scanner for the block-style subset reports are written in.
mod fast;

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

/// [`load_events`] for a text already screened for control characters.
fn parse_events(text: &str, base: usize, limits: Limits) -> Result<Node, LoadError> {
    let offsets = Offsets::new(text, base);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    let mut nodes = 0usize;

    let scan_error = |e: ScanError| {
        let mut at = offsets.byte(e.marker().index());
        if e.info().contains("recursion limit") {
            return depth_error(Span::new(at, at), limits);
        }
        if text.get(..at - base).is_some_and(|t| t.ends_with('\t')) {
            at -= 1; // point at the tab, not at what follows it
        }
        let tab =
            e.info().contains("tab") || text.get(at - base..).is_some_and(|t| t.starts_with('\t'));
        let mut span = Span::new(at, at);
        let hint = if tab {
            SyntaxHint::Tab
        } else if e.info().contains("unknown anchor") {
            SyntaxHint::UnknownAnchor
        } else if let Some((hint, s, e)) = diagnose::syntax(text, at.saturating_sub(base)) {
            span = Span::new(base + s, base + e);
            hint
        } else {
            SyntaxHint::Other
        };
        LoadError {
            kind: LoadErrorKind::Syntax {
                info: e.info().to_string(),
                hint,
            },
            span,
            related: None,
        }
    };

    while let Some(event) = parser.next_event() {
        let (event, raw_span) = event.map_err(scan_error)?;
        let span = offsets.span(raw_span);
        let complete: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => None,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(LoadError {
                        kind: LoadErrorKind::MultipleDocuments,
                        span: Span::new(
                            span.start(),
                            span.start() + 3.min(text.len() + base - span.start()),
                        ),
                        related: None,
                    });
                }
                None
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    return Err(LoadError {
                        kind: LoadErrorKind::UnknownAnchor,
                        span,
                        related: None,
                    });
                };
                nodes += count_nodes(target);
                if nodes > limits.max_nodes {
                    return Err(alias_limit(span, limits));
                }
                let mut copy = target.clone();
                copy.span = span;
                Some((copy, 0))
            }
            Event::Scalar(value, style, anchor, tag) => {
                if let Some(tag) = tag {
                    return Err(tag_error(text, base, span, &tag));
                }
                nodes += 1;
                let kind = if style == ScalarStyle::Plain {
                    if is_decimal_integer(&value) && value.parse::<i64>().is_err() {
                        return Err(LoadError {
                            kind: LoadErrorKind::IntegerTooLarge {
                                text: shorten(&value),
                            },
                            span,
                            related: None,
                        });
                    }
                    match resolve_plain(&value) {
                        // The scanner's own string, not a copy of it.
                        NodeKind::Str(_) => NodeKind::Str(value.into_owned()),
                        other => other,
                    }
                } else {
                    NodeKind::Str(value.into_owned())
                };
                Some((Node { span, kind }, anchor))
            }
            Event::SequenceStart(anchor, tag) => {
                if let Some(tag) = tag {
                    return Err(tag_error(text, base, span, &tag));
                }
                if stack.len() >= limits.max_depth {
                    return Err(depth_error(span, limits));
                }
                nodes += 1;
                stack.push(Frame::Seq {
                    start: span.start(),
                    anchor,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingStart(anchor, tag) => {
                if let Some(tag) = tag {
                    return Err(tag_error(text, base, span, &tag));
                }
                if stack.len() >= limits.max_depth {
                    return Err(depth_error(span, limits));
                }
                nodes += 1;
                stack.push(Frame::Map {
                    start: span.start(),
                    anchor,
                    entries: Vec::new(),
                    pending_key: None,
                    seen: None,
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq {
                    start,
                    anchor,
                    items,
                }) => {
                    let end = items.last().map_or(span.end(), |n| n.span.end()).max(start);
                    Some((
                        Node {
                            span: Span::new(start, end.max(span.end().min(end))),
                            kind: NodeKind::Seq(items),
                        },
                        anchor,
                    ))
                }
                _ => return Err(internal(span)),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    start,
                    anchor,
                    entries,
                    ..
                }) => {
                    let end = entries
                        .last()
                        .map_or(span.end(), |(_, v)| v.span.end())
                        .max(start);
                    Some((
                        Node {
                            span: Span::new(start, end),
                            kind: NodeKind::Map(entries),
                        },
                        anchor,
                    ))
                }
                _ => return Err(internal(span)),
            },
        };
        if nodes > limits.max_nodes {
            return Err(alias_limit(span, limits));
        }
        let Some((node, anchor)) = complete else {
            continue;
        };
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                pending_key,
                seen,
                ..
            }) => match pending_key.take() {
                None => {
                    if node.as_str() == Some("<<") {
                        return Err(LoadError {
                            kind: LoadErrorKind::MergeKey,
                            span: node.span,
                            related: None,
                        });
                    }
                    if let Some(first) = earlier_key(entries, seen, &node) {
                        let from = first.start().saturating_sub(base);
                        let to = node.span.start().saturating_sub(base);
                        if let Some((parent, by, (s, e))) = diagnose::under_indented(text, from, to)
                        {
                            return Err(LoadError {
                                kind: LoadErrorKind::UnderIndented {
                                    key: node.key_text(),
                                    parent,
                                    by,
                                },
                                span: node.span,
                                related: Some(Span::new(base + s, base + e)),
                            });
                        }
                        return Err(LoadError {
                            kind: LoadErrorKind::DuplicateKey {
                                key: node.key_text(),
                            },
                            span: node.span,
                            related: Some(first),
                        });
                    }
                    *pending_key = Some(node);
                }
                Some(key) => entries.push((key, node)),
            },
        }
    }
    Ok(root.unwrap_or(Node {
        span: Span::new(base, base),
        kind: NodeKind::Null,
    }))
}

/// Mappings up to this many entries are scanned for a duplicate key rather
/// than indexed (a catalog entry has about twenty keys).
const SCAN_KEYS: usize = 48;

/// The span of an earlier key of a mapping with the same text as `key` (as
/// the JSON view names keys), if there is one.
fn earlier_key(
    entries: &[(Node, Node)],
    seen: &mut Option<HashMap<String, Span>>,
    key: &Node,
) -> Option<Span> {
    if entries.len() < SCAN_KEYS {
        return entries
            .iter()
            .find(|(k, _)| match (&k.kind, &key.kind) {
                (NodeKind::Str(a), NodeKind::Str(b)) => a == b,
                _ => k.key_text() == key.key_text(),
            })
            .map(|(k, _)| k.span);
    }
    let index = seen.get_or_insert_with(|| {
        let mut m = HashMap::new();
        for (k, _) in entries {
            m.entry(k.key_text()).or_insert(k.span);
        }
        m
    });
    let text = key.key_text();
    if let Some(first) = index.get(&text) {
        return Some(*first);
    }
    index.insert(text, key.span);
    None
}

fn count_nodes(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Seq(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        NodeKind::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| count_nodes(k) + count_nodes(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

fn alias_limit(span: Span, limits: Limits) -> LoadError {
    LoadError {
        kind: LoadErrorKind::AliasLimit {
            max_nodes: limits.max_nodes,
        },
        span,
        related: None,
    }
}

fn depth_error(span: Span, limits: Limits) -> LoadError {
    LoadError {
        kind: LoadErrorKind::TooDeep {
            max_depth: limits.max_depth,
        },
        span: Span::new(span.start(), span.start() + 1),
        related: None,
    }
}

/// A tag as it was written (`!!python/object`, `!year`), pointed at where it
/// stands before its node when it can be found there.
fn tag_error(text: &str, base: usize, node: Span, tag: &saphyr_parser::Tag) -> LoadError {
    let written = match tag.handle.as_str() {
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        handle => format!("{handle}{}", tag.suffix),
    };
    let before = &text[..node.start().saturating_sub(base).min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let span = before[line_start..]
        .rfind(written.as_str())
        .map_or(node, |i| {
            let at = base + line_start + i;
            Span::new(at, at + written.len())
        });
    LoadError {
        kind: LoadErrorKind::Tag {
            tag: shorten(&written),
        },
        span,
        related: None,
    }
}

/// The first character YAML does not allow in a stream (a NUL byte, another
/// C0 or C1 control character, U+FFFE/U+FFFF). The parser would stop at a
/// NUL and silently drop the rest of the file, so it is refused up front.
fn control_character(text: &str, base: usize) -> Option<LoadError> {
    let printable = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
            || c >= '\u{10000}'
    };
    // Bytewise first: in UTF-8 the characters refused are the bytes below
    // 0x20 (but tab, LF, CR) and 0x7F, C1 controls (0xC2 0x80..=0x9F but
    // U+0085), and U+FFFE/U+FFFF (0xEF 0xBF 0xBE/0xBF). Only a file that
    // has one is walked by character, to name it.
    let b = text.as_bytes();
    // A cheap test of every byte (vectorised: no early exit within a
    // chunk); only a chunk with a candidate byte is looked at closely.
    let candidate = |c: u8| {
        (c < 0x20 && c != b'\t' && c != b'\n' && c != b'\r')
            | (c == 0x7f)
            | (c == 0xc2)
            | (c == 0xef)
    };
    let refused = |i: usize| match b[i] {
        0xc2 => b
            .get(i + 1)
            .is_some_and(|&n| (0x80..=0x9f).contains(&n) && n != 0x85),
        0xef => b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)),
        _ => true,
    };
    let suspect = b.chunks(64).enumerate().any(|(k, chunk)| {
        chunk.iter().fold(false, |hit, &c| hit | candidate(c))
            && (0..chunk.len()).any(|j| candidate(chunk[j]) && refused(k * 64 + j))
    });
    if !suspect {
        return None;
    }
    let (i, c) = text.char_indices().find(|&(_, c)| !printable(c))?;
    Some(LoadError {
        kind: LoadErrorKind::ControlCharacter { ch: c },
        span: Span::new(base + i, base + i + c.len_utf8()),
        related: None,
    })
}

/// `[-+]?[0-9]+`: a plain scalar the core schema reads as a decimal integer.
fn is_decimal_integer(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A value for a message: at most 40 characters.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn internal(span: Span) -> LoadError {
    LoadError {
        kind: LoadErrorKind::Unbalanced,
        span,
        related: None,
    }
}

/// YAML 1.2 core schema resolution of a plain scalar. A string comes back
/// as `Str` with an empty placeholder; the caller moves the scalar in.
fn resolve_plain(s: &str) -> NodeKind {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return NodeKind::Number {
                value: f64::INFINITY,
                integer: false,
            }
        }
        "-.inf" | "-.Inf" | "-.INF" => {
            return NodeKind::Number {
                value: f64::NEG_INFINITY,
                integer: false,
            }
        }
        ".nan" | ".NaN" | ".NAN" => {
            return NodeKind::Number {
                value: f64::NAN,
                integer: false,
            }
        }
        _ => {}
    }
    let bytes = s.as_bytes();
    let digits = bytes
        .strip_prefix(b"-")
        .or_else(|| bytes.strip_prefix(b"+"))
        .unwrap_or(bytes);
    if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
        if let Ok(v) = s.parse::<f64>() {
            return NodeKind::Number {
                value: v,
                integer: true,
            };
        }
    }
    if let Some(hex) = s.strip_prefix("0x") {
        if let Ok(v) = i64::from_str_radix(hex, 16) {
            return NodeKind::Number {
                value: v as f64,
                integer: true,
            };
        }
    }
    if let Some(oct) = s.strip_prefix("0o") {
        if let Ok(v) = i64::from_str_radix(oct, 8) {
            return NodeKind::Number {
                value: v as f64,
                integer: true,
            };
        }
    }
    if is_core_float(digits) {
        if let Ok(v) = s.parse::<f64>() {
            return NodeKind::Number {
                value: v,
                integer: false,
            };
        }
    }
    NodeKind::Str(String::new())
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_core_float(b: &[u8]) -> bool {
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_written_scalar_reads_back_as_the_same_string() {
        for s in [
            "区就业局台账",
            "验收报告.pdf",
            "2021",
            "true",
            "null",
            "~",
            "1e3",
            "- a",
            "a: b",
            "a #b",
            "#c",
            "'q'",
            "\"q\"",
            " lead",
            "trail ",
            "",
            "[x]",
            "line\nbreak",
            "0x1F",
            "专栏2-1 序号1, 备注",
            "a}b",
            "{x",
        ] {
            let written = super::scalar(s);
            for doc in [format!("k: {written}\n"), format!("k: {{v: {written}}}\n")] {
                let node = super::load(&doc, 0, super::Limits::default()).unwrap();
                let k = node.get("k").unwrap();
                let v = k.get("v").unwrap_or(k);
                assert!(
                    matches!(&v.kind, super::NodeKind::Str(x) if x == s),
                    "{s:?} written as {written} in {doc:?}"
                );
            }
        }
        assert_eq!(super::scalar("区就业局台账"), "区就业局台账");
        assert_eq!(super::scalar("2021"), "\"2021\"");
    }

    use super::*;

    fn parse(s: &str) -> Node {
        load(s, 0, Limits::default()).unwrap()
    }

    #[test]
    fn span_is_two_u32s_and_saturates() {
        assert_eq!(std::mem::size_of::<Span>(), 8);
        let s = Span::new(3, 10);
        assert_eq!((s.start(), s.end(), s.len()), (3, 10, 7));
        #[cfg(target_pointer_width = "64")]
        {
            let max = u32::MAX as usize;
            let s = Span::new(usize::MAX, usize::MAX);
            assert_eq!((s.start(), s.end(), s.len()), (max, max, 0));
            assert!(s.is_empty());
            assert_eq!(Span::new(5, max + 1).end(), max);
        }
    }

    /// Every form of the core schema's null, booleans and numbers, and
    /// strings that begin like them or not at all.
    #[test]
    fn plain_scalars_resolve_by_the_core_schema() {
        let num = |value: f64, integer: bool| NodeKind::Number { value, integer };
        let cases = [
            ("", NodeKind::Null),
            ("~", NodeKind::Null),
            ("null", NodeKind::Null),
            ("Null", NodeKind::Null),
            ("NULL", NodeKind::Null),
            ("true", NodeKind::Bool(true)),
            ("True", NodeKind::Bool(true)),
            ("TRUE", NodeKind::Bool(true)),
            ("false", NodeKind::Bool(false)),
            ("False", NodeKind::Bool(false)),
            ("FALSE", NodeKind::Bool(false)),
            (".inf", num(f64::INFINITY, false)),
            ("+.Inf", num(f64::INFINITY, false)),
            ("-.INF", num(f64::NEG_INFINITY, false)),
            ("12", num(12.0, true)),
            ("-3", num(-3.0, true)),
            ("+4", num(4.0, true)),
            ("0x1F", num(31.0, true)),
            ("0o17", num(15.0, true)),
            ("1.5", num(1.5, false)),
            (".5", num(0.5, false)),
            ("-2.5e3", num(-2500.0, false)),
            ("2023-06-30", NodeKind::Str(String::new())),
            ("nil", NodeKind::Str(String::new())),
            ("yes", NodeKind::Str(String::new())),
            ("id", NodeKind::Str(String::new())),
            ("under_construction", NodeKind::Str(String::new())),
            ("区统计局", NodeKind::Str(String::new())),
            ("Infinity", NodeKind::Str(String::new())),
            (".", NodeKind::Str(String::new())),
            ("-", NodeKind::Str(String::new())),
        ];
        for (text, kind) in cases {
            assert_eq!(resolve_plain(text), kind, "{text:?}");
        }
        assert!(matches!(resolve_plain(".NaN"), NodeKind::Number { value, .. } if value.is_nan()));
    }

    #[test]
    fn core_schema_keeps_yaml11_booleans_as_strings() {
        let n = parse("a: yes\nb: no\nc: on\nd: NO\ne: true\nf: 1.5\ng: 7\nh: ~\n");
        assert_eq!(n.get("a").unwrap().as_str(), Some("yes"));
        assert_eq!(n.get("b").unwrap().as_str(), Some("no"));
        assert_eq!(n.get("c").unwrap().as_str(), Some("on"));
        assert_eq!(n.get("d").unwrap().as_str(), Some("NO"));
        assert_eq!(n.get("e").unwrap().kind, NodeKind::Bool(true));
        assert_eq!(n.get("f").unwrap().as_f64(), Some(1.5));
        assert_eq!(n.get("g").unwrap().type_name(), "integer");
        assert!(n.get("h").unwrap().is_null());
    }

    #[test]
    fn spans_are_byte_offsets_including_multibyte_text() {
        let src = "名称: 空气\nvalue: 97.6\nq: \"x\"\n";
        let n = parse(src);
        let v = n.get("value").unwrap();
        assert_eq!(&src[v.span.start()..v.span.end()], "97.6");
        let (k, _) = n.entry("名称").unwrap();
        assert_eq!(&src[k.span.start()..k.span.end()], "名称");
        let q = n.get("q").unwrap();
        assert!(src[q.span.start()..q.span.end()].contains('x'));
    }

    #[test]
    fn duplicate_keys_point_at_the_second_and_the_first() {
        let e = load("a: 1\nb: 2\na: 3\n", 0, Limits::default()).unwrap_err();
        assert_eq!(e.span, Span::new(10, 11));
        assert_eq!(e.related, Some(Span::new(0, 1)));
    }

    #[test]
    fn alias_bomb_is_stopped() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*a{}", i - 1);
            s.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                std::iter::repeat_n(prev.as_str(), 10)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let e = load(&s, 0, Limits::default()).unwrap_err();
        assert!(matches!(e.kind, LoadErrorKind::AliasLimit { .. }), "{e:?}");
    }

    #[test]
    fn deep_nesting_is_stopped() {
        let s = "[".repeat(100_000);
        let e = load(&s, 0, Limits::default()).unwrap_err();
        assert!(matches!(e.kind, LoadErrorKind::TooDeep { .. }), "{e:?}");
    }

    #[test]
    fn tags_and_multiple_documents_are_rejected() {
        assert!(matches!(
            load("a: !!python/object x\n", 0, Limits::default())
                .unwrap_err()
                .kind,
            LoadErrorKind::Tag { .. }
        ));
        assert_eq!(
            load("a: 1\n---\nb: 2\n", 0, Limits::default())
                .unwrap_err()
                .kind,
            LoadErrorKind::MultipleDocuments
        );
    }

    #[test]
    fn pointer_finds_key_and_value() {
        let n = parse("indicators:\n  - id: I14\n    value: 97\n");
        let (k, v) = n.pointer("/indicators/0/value").unwrap();
        assert_eq!(k.unwrap().as_str(), Some("value"));
        assert_eq!(v.as_f64(), Some(97.0));
    }
}

//! The fast path of YAML loading: a scanner for the block-style subset that
//! reports and plan files are written in, building the same [`Node`] tree
//! (same kinds, same spans) that the event parser's path builds.
//!
//! It never decides anything on its own: for any input outside the subset,
//! and for anything that would be an error, it gives up (`None`) and the
//! caller loads the file through saphyr-parser, which alone makes load
//! errors. This crate's `tests/it/fast_yaml.rs` proves that whenever it
//! returns a tree, the parser's path returns the same tree, on hand-written
//! cases and token soup; plan-lint's `tests/it/fast_yaml.rs` on every YAML file
//! of the repository, on generated reports and plans, and on mutations of them.
//!
//! The subset: block mappings and block sequences (indentless ones too) with
//! spaces for indentation; plain scalars on one line; single- and
//! double-quoted scalars on one line (double-quoted with JSON's escapes);
//! flow sequences and mappings on one line; comments. Everything else
//! (tabs, CR line ends, anchors, aliases, tags, block scalars, multi-line
//! scalars, explicit keys, directives, document markers, duplicate keys,
//! nesting or node counts past the limits) goes to the parser.
//!
//! The parser's spans have a few conventions the tree keeps, and so this
//! scanner reproduces them: a collection ends where its last child ends; a
//! block sequence at the indentation of its key starts at its first item,
//! an indented one at its first `-`; a quoted scalar or an empty flow
//! collection ends after the spaces and comment that follow it on its line;
//! an empty mapping value is an empty span at its `:`, an empty sequence
//! item an empty span at the end of its line.

use super::{earlier_key, is_decimal_integer, resolve_plain, Limits, Node, NodeKind, Span};
use std::collections::HashMap;

/// The input is outside the subset: load it through the parser.
struct Bail;

type R<T> = Result<T, Bail>;

/// What ends plain text on its line ([`Scanner::plain_stop`]).
enum PlainStop {
    Colon(usize),
    Comment(usize),
    End,
}

/// A line with content: where it starts, where its content starts (after the
/// indentation), and where it ends (its `\n`, or the end of the text).
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    content: usize,
    end: usize,
}

impl Line {
    fn indent(&self) -> usize {
        self.content - self.start
    }
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    base: usize,
    limits: Limits,
    nodes: usize,
    /// Start of the next line not yet consumed.
    pos: usize,
    /// The last answer of [`Scanner::peek_line`] and the position it was asked at.
    peeked: Option<(usize, Option<Line>)>,
    /// The entries and items read so far of the collections still open,
    /// innermost last. A collection moves its own off the top when it closes
    /// (`split_off`: one allocation, of exactly their number unless they are
    /// the whole stack), where a vector of its own grew by doubling.
    pairs: Vec<(Node, Node)>,
    items: Vec<Node>,
}

/// The tree of `text`, or `None` when the parser must load it.
pub(super) fn load(text: &str, base: usize, limits: Limits) -> Option<Node> {
    let b = text.as_bytes();
    if memchr::memchr2(b'\t', b'\r', b).is_some() {
        return None;
    }
    let mut s = Scanner {
        text,
        b,
        base,
        limits,
        nodes: 0,
        pos: 0,
        peeked: None,
        pairs: Vec::new(),
        items: Vec::new(),
    };
    s.document().ok()
}

impl<'a> Scanner<'a> {
    fn document(&mut self) -> R<Node> {
        let first = self.peek_line()?.ok_or(Bail)?;
        if first.indent() != 0 || !self.is_key(first.content, first.end) {
            return Err(Bail);
        }
        let root = self.block_map(0, first.content, first.end, 0)?;
        if self.peek_line()?.is_some() {
            return Err(Bail);
        }
        Ok(root)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    /// The next line with content, skipping blank and comment lines; not consumed.
    fn peek_line(&mut self) -> R<Option<Line>> {
        if let Some((pos, line)) = self.peeked {
            if pos == self.pos {
                return Ok(line);
            }
        }
        let line = self.scan_line()?;
        // Keyed by the position after the blank and comment lines skipped.
        self.peeked = Some((self.pos, line));
        Ok(line)
    }

    fn scan_line(&mut self) -> R<Option<Line>> {
        let b = self.b;
        while self.pos < b.len() {
            let start = self.pos;
            let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |i| start + i);
            let content = start + b[start..end].iter().take_while(|&&c| c == b' ').count();
            if content == end || b[content] == b'#' {
                self.pos = end + 1;
                continue;
            }
            if content == start
                && (b[start] == b'%'
                    || b[start..end].starts_with(b"---")
                    || b[start..end].starts_with(b"..."))
            {
                return Err(Bail);
            }
            return Ok(Some(Line {
                start,
                content,
                end,
            }));
        }
        Ok(None)
    }

    /// One more node; fails past the node limit.
    fn count(&mut self) -> R<()> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(Bail);
        }
        Ok(())
    }

    /// One more collection at `depth` enclosing collections.
    fn open(&mut self, depth: usize) -> R<()> {
        if depth >= self.limits.max_depth {
            return Err(Bail);
        }
        self.count()
    }

    fn is_dash(&self, at: usize, end: usize) -> bool {
        self.b[at] == b'-' && (at + 1 == end || self.b[at + 1] == b' ')
    }

    /// Whether the content at `at` is a mapping entry (`key: ...`).
    fn is_key(&self, at: usize, end: usize) -> bool {
        let b = self.b;
        match b[at] {
            b'"' | b'\'' => {
                let close = memchr::memchr(b[at], &b[at + 1..end]);
                close.is_some_and(|i| b.get(at + 2 + i) == Some(&b':'))
            }
            b'[' | b'{' => false,
            _ => self.plain_colon(at, end).is_some(),
        }
    }

    /// The `:` that ends a plain key starting at `at`: followed by a space or
    /// the line's end, before any comment.
    fn plain_colon(&self, at: usize, end: usize) -> Option<usize> {
        match self.plain_stop(at, end) {
            PlainStop::Colon(i) => Some(i),
            _ => None,
        }
    }

    /// What first ends plain text starting at `at` on its line: a `:`
    /// followed by a space or the line's end, or a comment (` #`).
    fn plain_stop(&self, at: usize, end: usize) -> PlainStop {
        let b = self.b;
        let mut i = at;
        while let Some(k) = memchr::memchr2(b':', b'#', &b[i..end]) {
            let j = i + k;
            if b[j] == b':' {
                if j + 1 == end || b[j + 1] == b' ' {
                    return PlainStop::Colon(j);
                }
            } else if j > at && b[j - 1] == b' ' {
                return PlainStop::Comment(j);
            }
            i = j + 1;
        }
        PlainStop::End
    }

    /// A block mapping whose first key is at `at` on the line ending at `end`,
    /// all its keys at column `indent`.
    fn block_map(&mut self, indent: usize, mut at: usize, mut end: usize, depth: usize) -> R<Node> {
        self.open(depth)?;
        let base = self.pairs.len();
        let mut seen: Option<HashMap<String, Span>> = None;
        loop {
            let (key, colon) = self.key(at, end)?;
            if key.as_str() == Some("<<")
                || earlier_key(&self.pairs[base..], &mut seen, &key).is_some()
            {
                return Err(Bail);
            }
            let after = self.skip_spaces(colon + 1, end);
            let value = if after == end || self.b[after] == b'#' {
                self.pos = end + 1;
                match self.peek_line()? {
                    Some(l) if l.indent() > indent => {
                        if self.is_dash(l.content, l.end) {
                            self.block_seq(l.indent(), true, depth + 1)?
                        } else {
                            self.block_map(l.indent(), l.content, l.end, depth + 1)?
                        }
                    }
                    Some(l) if l.indent() == indent && self.is_dash(l.content, l.end) => {
                        self.block_seq(indent, false, depth + 1)?
                    }
                    _ => {
                        self.count()?;
                        Node {
                            span: self.span(colon, colon),
                            kind: NodeKind::Null,
                        }
                    }
                }
            } else {
                let v = self.inline_value(after, end, depth + 1)?;
                self.pos = end + 1;
                self.no_continuation(indent)?;
                v
            };
            self.pairs.push((key, value));
            match self.peek_line()? {
                Some(l) if l.indent() == indent && !self.is_dash(l.content, l.end) => {
                    at = l.content;
                    end = l.end;
                }
                Some(l) if l.indent() > indent => return Err(Bail),
                _ => break,
            }
        }
        let entries = self.pairs.split_off(base);
        let start = entries[0].0.span.start();
        let stop = entries[entries.len() - 1].1.span.end().max(start);
        Ok(Node {
            span: Span::new(start, stop),
            kind: NodeKind::Map(entries),
        })
    }

    /// A block sequence whose `-` are at column `indent`; `indented` when it
    /// is deeper than the key that holds it.
    fn block_seq(&mut self, indent: usize, indented: bool, depth: usize) -> R<Node> {
        self.open(depth)?;
        let base = self.items.len();
        let mut first_dash = None;
        loop {
            let l = match self.peek_line()? {
                Some(l) if l.indent() == indent && self.is_dash(l.content, l.end) => l,
                Some(l) if l.indent() > indent => return Err(Bail),
                _ => break,
            };
            first_dash.get_or_insert(l.content);
            let at = self.skip_spaces(l.content + 1, l.end);
            let item = if at == l.end || self.b[at] == b'#' {
                self.pos = l.end + 1;
                self.no_continuation(indent)?;
                self.count()?;
                Node {
                    span: self.span(l.end, l.end),
                    kind: NodeKind::Null,
                }
            } else if self.is_dash(at, l.end) {
                return Err(Bail);
            } else if self.is_key(at, l.end) {
                self.block_map(at - l.start, at, l.end, depth + 1)?
            } else {
                let v = self.inline_value(at, l.end, depth + 1)?;
                self.pos = l.end + 1;
                self.no_continuation(indent)?;
                v
            };
            self.items.push(item);
        }
        let items = self.items.split_off(base);
        let start = match (indented, first_dash) {
            (true, Some(dash)) => self.base + dash,
            _ => items.first().ok_or(Bail)?.span.start(),
        };
        let stop = items.last().ok_or(Bail)?.span.end().max(start);
        Ok(Node {
            span: Span::new(start, stop),
            kind: NodeKind::Seq(items),
        })
    }

    /// After a value on one line, a deeper line would continue it (a
    /// multi-line scalar) or be an error: either way, the parser's.
    fn no_continuation(&mut self, indent: usize) -> R<()> {
        match self.peek_line()? {
            Some(l) if l.indent() > indent => Err(Bail),
            _ => Ok(()),
        }
    }

    fn skip_spaces(&self, mut i: usize, end: usize) -> usize {
        while i < end && self.b[i] == b' ' {
            i += 1;
        }
        i
    }

    /// After a value: only spaces and a comment may follow on its line.
    /// Returns the line's end.
    fn trailer(&self, i: usize, end: usize) -> R<usize> {
        let j = self.skip_spaces(i, end);
        if j == end || (self.b[j] == b'#' && j > i) {
            Ok(end)
        } else {
            Err(Bail)
        }
    }

    /// A mapping key at `at` and the position of its `:`.
    fn key(&mut self, at: usize, end: usize) -> R<(Node, usize)> {
        let b = self.b;
        if b[at] == b'"' || b[at] == b'\'' {
            let (value, after) = self.quoted(at, end)?;
            if b.get(after) != Some(&b':') || !(after + 1 == end || b[after + 1] == b' ') {
                return Err(Bail);
            }
            self.count()?;
            return Ok((
                Node {
                    span: self.span(at, after),
                    kind: NodeKind::Str(value),
                },
                after,
            ));
        }
        if !self.plain_start(at, end, false) {
            return Err(Bail);
        }
        // `--- ` or `... ` starting a key reads as a document marker to
        // saphyr-parser even when indented (an error there): its call.
        if (b[at..].starts_with(b"---") || b[at..].starts_with(b"..."))
            && matches!(b.get(at + 3), None | Some(b' ' | b'\t' | b'\r' | b'\n'))
        {
            return Err(Bail);
        }
        let colon = self.plain_colon(at, end).ok_or(Bail)?;
        let raw = &self.text[at..colon];
        let text = raw.trim_end_matches(' ');
        if text.is_empty()
            || text.len() > 1024
            || text
                .bytes()
                .any(|c| matches!(c, b'[' | b']' | b'{' | b'}' | b',' | b'#'))
        {
            return Err(Bail);
        }
        let node = self.plain(at, text)?;
        Ok((node, colon))
    }

    /// Whether a plain scalar may start at `at`: `-`, `?` and `:` only
    /// before a character that is safe in plain text, which inside a flow
    /// collection excludes its punctuation (`[-]` is not a scalar `-`).
    fn plain_start(&self, at: usize, end: usize, flow: bool) -> bool {
        let b = self.b;
        match b[at] {
            b'-' | b'?' | b':' => {
                at + 1 < end
                    && b[at + 1] != b' '
                    && !(flow && matches!(b[at + 1], b',' | b'[' | b']' | b'{' | b'}'))
            }
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
            | b'"' | b'%' | b'@' | b'`' => false,
            _ => true,
        }
    }

    /// A plain scalar's node from its text, resolved by the core schema.
    fn plain(&mut self, at: usize, text: &str) -> R<Node> {
        if is_decimal_integer(text) && text.parse::<i64>().is_err() {
            return Err(Bail);
        }
        self.count()?;
        let kind = match resolve_plain(text) {
            NodeKind::Str(_) => NodeKind::Str(text.to_string()),
            other => other,
        };
        Ok(Node {
            span: self.span(at, at + text.len()),
            kind,
        })
    }

    /// A value that starts on the line at `at`: a scalar or a flow collection,
    /// with nothing but spaces and a comment after it.
    fn inline_value(&mut self, at: usize, end: usize, depth: usize) -> R<Node> {
        let b = self.b;
        match b[at] {
            b'"' | b'\'' => {
                let (value, after) = self.quoted(at, end)?;
                let stop = self.trailer(after, end)?;
                self.count()?;
                Ok(Node {
                    span: self.span(at, stop),
                    kind: NodeKind::Str(value),
                })
            }
            b'[' | b'{' => {
                let (mut node, after) = self.flow(at, end, depth)?;
                let stop = self.trailer(after, end)?;
                if node.as_seq().is_some_and(<[Node]>::is_empty)
                    || node.as_map().is_some_and(<[(Node, Node)]>::is_empty)
                {
                    node.span = Span::new(node.span.start(), self.base + stop);
                }
                Ok(node)
            }
            _ if !self.plain_start(at, end, false) => Err(Bail),
            _ => {
                // To a comment or the line's end; `: ` inside is the parser's
                // (an error, or a mapping where none may start).
                let stop = match self.plain_stop(at, end) {
                    PlainStop::Colon(_) => return Err(Bail),
                    PlainStop::Comment(i) => i,
                    PlainStop::End => end,
                };
                let text = self.text[at..stop].trim_end_matches(' ');
                self.plain(at, text)
            }
        }
    }

    /// A quoted scalar on one line: its value and the position after its
    /// closing quote.
    fn quoted(&self, at: usize, end: usize) -> R<(String, usize)> {
        let b = self.b;
        let mut out = String::new();
        let mut i = at + 1;
        let mut run = i;
        if b[at] == b'\'' {
            // `''` is one quote; any other `'` closes the scalar.
            while let Some(k) = memchr::memchr(b'\'', &b[i..end]) {
                i += k;
                out.push_str(&self.text[run..i]);
                if i + 1 < end && b[i + 1] == b'\'' {
                    out.push('\'');
                    i += 2;
                    run = i;
                    continue;
                }
                return Ok((out, i + 1));
            }
            return Err(Bail);
        }
        while let Some(k) = memchr::memchr2(b'"', b'\\', &b[i..end]) {
            i += k;
            out.push_str(&self.text[run..i]);
            if b[i] == b'"' {
                return Ok((out, i + 1));
            }
            // A backslash: JSON's escapes only.
            let c = *b.get(i + 1).filter(|_| i + 1 < end).ok_or(Bail)?;
            i += 2;
            match c {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let hex = self
                        .text
                        .get(i..i + 4)
                        .filter(|_| i + 4 <= end)
                        .ok_or(Bail)?;
                    if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                        return Err(Bail);
                    }
                    let code = u32::from_str_radix(hex, 16).map_err(|_| Bail)?;
                    out.push(char::from_u32(code).ok_or(Bail)?);
                    i += 4;
                }
                _ => return Err(Bail),
            }
            run = i;
        }
        Err(Bail)
    }

    /// A flow collection on one line starting at `at` (`[` or `{`): its node
    /// and the position after its closing bracket.
    fn flow(&mut self, at: usize, end: usize, depth: usize) -> R<(Node, usize)> {
        self.open(depth)?;
        let b = self.b;
        let is_map = b[at] == b'{';
        let close = if is_map { b'}' } else { b']' };
        // Where this collection's own entries or items start on their stack.
        let base = if is_map {
            self.pairs.len()
        } else {
            self.items.len()
        };
        let mut seen: Option<HashMap<String, Span>> = None;
        let mut i = self.skip_spaces(at + 1, end);
        if i < end && b[i] == close {
            let kind = if is_map {
                NodeKind::Map(Vec::new())
            } else {
                NodeKind::Seq(Vec::new())
            };
            return Ok((
                Node {
                    span: self.span(at, i + 1),
                    kind,
                },
                i + 1,
            ));
        }
        loop {
            if i >= end {
                return Err(Bail);
            }
            if is_map {
                let (key, after) = self.flow_scalar(i, end, true)?;
                if key.as_str() == Some("<<")
                    || earlier_key(&self.pairs[base..], &mut seen, &key).is_some()
                {
                    return Err(Bail);
                }
                if b.get(after) != Some(&b':') || after >= end {
                    return Err(Bail);
                }
                let quoted = matches!(b[i], b'"' | b'\'');
                if !(quoted || after + 1 < end && b[after + 1] == b' ') {
                    return Err(Bail);
                }
                let v = self.skip_spaces(after + 1, end);
                let (value, next) = self.flow_value(v, end, depth)?;
                self.pairs.push((key, value));
                i = next;
            } else {
                let (value, next) = self.flow_value(i, end, depth)?;
                self.items.push(value);
                i = next;
            }
            i = self.skip_spaces(i, end);
            if i >= end {
                return Err(Bail);
            }
            if b[i] == b',' {
                i = self.skip_spaces(i + 1, end);
                if i >= end || b[i] == close || b[i] == b',' {
                    return Err(Bail);
                }
            } else if b[i] == close {
                i += 1;
                break;
            } else {
                return Err(Bail);
            }
        }
        let (kind, last_end) = if is_map {
            let entries = self.pairs.split_off(base);
            let last = entries.last().map(|(_, v)| v.span.end());
            (NodeKind::Map(entries), last)
        } else {
            let items = self.items.split_off(base);
            let last = items.last().map(|v| v.span.end());
            (NodeKind::Seq(items), last)
        };
        let start = self.base + at;
        Ok((
            Node {
                span: Span::new(start, last_end.ok_or(Bail)?.max(start)),
                kind,
            },
            i,
        ))
    }

    /// A value inside a flow collection: a nested non-empty collection or a scalar.
    fn flow_value(&mut self, at: usize, end: usize, depth: usize) -> R<(Node, usize)> {
        match self.b.get(at) {
            Some(b'[' | b'{') if at < end => {
                let (node, after) = self.flow(at, end, depth + 1)?;
                if node.as_seq().is_some_and(<[Node]>::is_empty)
                    || node.as_map().is_some_and(<[(Node, Node)]>::is_empty)
                {
                    return Err(Bail);
                }
                Ok((node, after))
            }
            _ => self.flow_scalar(at, end, false),
        }
    }

    /// A scalar inside a flow collection and the position after it. A quoted
    /// scalar's span runs over the spaces after it; a plain one may not
    /// contain anything that could make it a key or a comment.
    fn flow_scalar(&mut self, at: usize, end: usize, key: bool) -> R<(Node, usize)> {
        let b = self.b;
        if at >= end {
            return Err(Bail);
        }
        if b[at] == b'"' || b[at] == b'\'' {
            let (value, after) = self.quoted(at, end)?;
            let stop = self.skip_spaces(after, end);
            self.count()?;
            return Ok((
                Node {
                    span: self.span(at, stop),
                    kind: NodeKind::Str(value),
                },
                stop,
            ));
        }
        if !self.plain_start(at, end, true) {
            return Err(Bail);
        }
        let mut i = at;
        while i < end && !matches!(b[i], b',' | b']' | b'}') {
            match b[i] {
                b':' if key => break,
                b'[' | b'{' | b':' | b'#' | b'"' | b'\'' => return Err(Bail),
                _ => i += 1,
            }
        }
        if i >= end {
            return Err(Bail);
        }
        let text = self.text[at..i].trim_end_matches(' ');
        if text.is_empty() || (key && (b[i] != b':' || text.len() != i - at)) {
            return Err(Bail);
        }
        let node = self.plain(at, text)?;
        Ok((node, at + text.len()))
    }
}

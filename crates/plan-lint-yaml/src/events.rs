//! The reference parse: saphyr-parser's event stream built into the span
//! tree, with the load limits, the YAML 1.2 core schema's scalars and every
//! load error a report can meet.

use super::*;

/// [`load_events`] for a text already screened for control characters.
pub(super) fn parse_events(text: &str, base: usize, limits: Limits) -> Result<Node, LoadError> {
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
pub(super) const SCAN_KEYS: usize = 48;

/// The span of an earlier key of a mapping with the same text as `key` (as
/// the JSON view names keys), if there is one.
pub(super) fn earlier_key(
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

pub(super) fn count_nodes(node: &Node) -> usize {
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

pub(super) fn alias_limit(span: Span, limits: Limits) -> LoadError {
    LoadError {
        kind: LoadErrorKind::AliasLimit {
            max_nodes: limits.max_nodes,
        },
        span,
        related: None,
    }
}

pub(super) fn depth_error(span: Span, limits: Limits) -> LoadError {
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
pub(super) fn tag_error(
    text: &str,
    base: usize,
    node: Span,
    tag: &saphyr_parser::Tag,
) -> LoadError {
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
pub(super) fn control_character(text: &str, base: usize) -> Option<LoadError> {
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
pub(super) fn is_decimal_integer(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A value for a message: at most 40 characters.
pub(super) fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

pub(super) fn internal(span: Span) -> LoadError {
    LoadError {
        kind: LoadErrorKind::Unbalanced,
        span,
        related: None,
    }
}

/// YAML 1.2 core schema resolution of a plain scalar. A string comes back
/// as `Str` with an empty placeholder; the caller moves the scalar in.
pub(super) fn resolve_plain(s: &str) -> NodeKind {
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
pub(super) fn is_core_float(b: &[u8]) -> bool {
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

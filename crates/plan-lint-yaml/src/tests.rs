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

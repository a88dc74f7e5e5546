use super::*;

/// Relative records: a cataloged one names its T-ids, an uncataloged one says that its
/// clause names no measure; the reason of old ("the catalog cannot express it") is no
/// outcome.
#[test]
fn relative_records() {
    let rel = |s: &str| match parse_outcome(s) {
        Some(Outcome::Relative {
            comparison,
            reference,
            targets,
        }) => Some((comparison, reference, targets)),
        _ => None,
    };
    assert_eq!(
        rel("relative: more_than 全市平均: T079"),
        Some(("more_than".into(), "全市平均".into(), vec!["T079".into()]))
    );
    assert_eq!(
        rel("relative: rank_at_most 全市: T081, T082"),
        Some((
            "rank_at_most".into(),
            "全市".into(),
            vec!["T081".into(), "T082".into()]
        ))
    );
    assert_eq!(
        rel("relative: rank_at_most 全市全省: the service industry to lead; not cataloged: no measure is named"),
        Some(("rank_at_most".into(), "全市全省".into(), vec![]))
    );
    for old in [
        "relative: more_than 全市平均: growth above the city's; not cataloged: the catalog cannot express it (see search.targets.relative)",
        "relative: rank_at_most 全省: the R&D share among the leaders",
        "relative: rank_at_most 全市: not cataloged: no measure is named",
        "relative: at_least 全市: T079",
        "relative: more_than 全市平均: T079 and more",
    ] {
        assert!(parse_outcome(old).is_none(), "{old:?} must not be an outcome");
    }
}

/// The built-in accounting file documents the search the library's defaults run.
#[test]
fn the_builtin_accounting_documents_the_default_search() {
    let acc = Accounting::builtin();
    assert!(acc.error.is_none());
    let search = acc.json.pointer("/search/targets");
    let documented: Vec<&str> = search
        .and_then(|s| s.get("name_patterns"))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert_eq!(documented, NAME_PATTERNS);
    assert_eq!(
        search
            .and_then(|s| s.get("comparatives"))
            .and_then(Value::as_str),
        Some(COMPARATIVE)
    );
    let names: Vec<&str> = search
        .and_then(|s| s.get("word_names"))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert_eq!(names, word_figures::WORD_NAMES);
    let mut words: Vec<(String, f64)> = search
        .and_then(|s| s.get("word_figures"))
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_f64().unwrap_or(f64::NAN)))
                .collect()
        })
        .unwrap_or_default();
    let mut ours: Vec<(String, f64)> = word_figures::WORD_FIGURES
        .iter()
        .map(|&(w, v)| (w.to_string(), v))
        .collect();
    words.sort_by(|a, b| a.0.cmp(&b.0));
    ours.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(words, ours);
}

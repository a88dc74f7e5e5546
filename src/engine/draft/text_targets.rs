//! Text targets: candidate sentences of the plan text read as figures, relative
//! targets and milestones, each a target with its clause verbatim and its readings marked.

use super::*;

/// The heading a line stands under: (chapter line text, passage "第X章第Y节").
pub(super) fn headings(seed: &Seed) -> Vec<(String, String)> {
    static CHAPTER: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(第[一二三四五六七八九十百]+章)\s*(.*)$"));
    static SECTION: LazyLock<Regex> = LazyLock::new(|| re(r"^(第[一二三四五六七八九十百]+节)"));
    let mut out = Vec::with_capacity(seed.len());
    let (mut theme, mut chapter, mut section) = (String::new(), String::new(), String::new());
    for n in 1..=seed.len() {
        let line = seed.line(n).unwrap_or("").trim();
        if let Some(c) = CHAPTER.captures(line) {
            chapter = c[1].to_string();
            theme = c[2].trim().to_string();
            section.clear();
        } else if let Some(c) = SECTION.captures(line) {
            section = c[1].to_string();
        }
        let passage = if chapter.is_empty() {
            "正文".to_string()
        } else {
            format!("{chapter}{section}")
        };
        out.push((theme.clone(), passage));
    }
    out
}

/// A figure token's unit, the text of its target and the comparison word before it.
pub(super) struct Figure {
    pub(super) unit: String,
    pub(super) target_text: String,
}

pub(super) fn figure_at(line: &str, tok: &Token) -> Figure {
    let after = &line[tok.end..];
    let mut rest = after;
    let mut unit = String::new();
    if let Some(m) = MAGNITUDES.iter().find(|m| rest.starts_with(**m)) {
        unit.push_str(m);
        rest = &rest[m.len()..];
    }
    if let Some(u) = UNITS.iter().find(|u| rest.starts_with(**u)) {
        unit.push_str(u);
        rest = &rest[u.len()..];
    }
    if let Some(q) = QUALIFIERS.iter().find(|q| rest.starts_with(**q)) {
        rest = &rest[q.len()..];
    }
    let end = line.len() - rest.len();
    let mut start = tok.start;
    if let Some(p) = PREFIXES.iter().find(|p| line[..tok.start].ends_with(**p)) {
        start -= p.len();
    }
    Figure {
        unit,
        target_text: line[start..end].to_string(),
    }
}

/// A short name for a text target: its clause without the time phrase, the figure and
/// the verbs around them.
pub(super) fn target_name(clause: &str, figure_text: &str) -> String {
    static TIME: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:力争)?(?:到|至|在)?(?:19|20)\d\d年(?:底|末)?(?:前)?[,，]?"));
    let (before, after) = clause.split_once(figure_text).unwrap_or((clause, ""));
    let mut name = TIME.replace(before.trim(), "").to_string();
    loop {
        let trimmed = NAME_TRIM
            .iter()
            .find_map(|w| name.strip_suffix(w).or_else(|| name.strip_prefix(w)))
            .map(str::to_string);
        match trimmed {
            Some(t) if !t.is_empty() => name = t,
            Some(_) => {
                name.clear();
                break;
            }
            None => break,
        }
    }
    if name.chars().count() < 2 {
        let tail = after.trim_start_matches(['的', '个', '级']);
        if tail.chars().count() >= 2 {
            name = tail.to_string();
        }
    }
    if name.chars().count() < 2 {
        name = clause.to_string();
    }
    name
}

/// Whether a figure token is a date or an ordinal rather than a figure.
pub(super) fn not_a_figure(line: &str, tok: &Token) -> bool {
    let next = line[tok.end..].chars().next();
    let prev = line[..tok.start].chars().next_back();
    matches!(
        next,
        Some('年' | '月' | '日' | '号' | '届' | '期' | '版' | '.')
    ) || prev == Some('第')
}

/// A comparative as a relative target: (comparison, reference).
pub(super) fn relative(tok: &Token, line: &str) -> (Comparison, String) {
    let text = tok.text.as_str();
    let area = ["全市", "全省", "全国", "贵阳"]
        .into_iter()
        .find(|a| text.contains(a))
        .unwrap_or("全市");
    if let Some(rest) = text.strip_prefix("高于") {
        let average = line[tok.end..].starts_with("平均");
        let reference = if average {
            format!("{rest}平均")
        } else {
            rest.to_string()
        };
        (Comparison::MoreThan, reference)
    } else {
        (Comparison::AtMost, area.to_string())
    }
}

/// The name of the period before the plan's ("十三五" before “十四五”时期(2021—2025年)):
/// the period name written on the line that states the period.
pub(super) fn previous_period(seed: &Seed, line: usize) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| re(r"十([一二三四五六七八九]?)五"));
    const ORDINALS: &[&str] = &["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let c = NAME.captures(seed.line(line)?)?;
    let k = ORDINALS.iter().position(|o| *o == &c[1])?;
    match k {
        0 => Some("九五".into()),
        k => Some(format!("十{}五", ORDINALS[k - 1])),
    }
}

/// Which lines are about the previous period: a line naming it (and no year of the
/// plan's), and every line under a 篇/章 heading that names it, up to the next heading of
/// that level.
pub(super) fn past_lines(seed: &Seed, previous: Option<&str>) -> Vec<bool> {
    static PART: LazyLock<Regex> = LazyLock::new(|| re(r"^第[一二三四五六七八九十]+(篇|章)"));
    let Some(prev) = previous else {
        return vec![false; seed.len()];
    };
    let mut out = Vec::with_capacity(seed.len());
    let mut under: Option<String> = None;
    for n in 1..=seed.len() {
        let line = seed.line(n).unwrap_or("").trim();
        if let Some(c) = PART.captures(line) {
            let level = c[1].to_string();
            if line.contains(prev) {
                under = Some(level);
            } else if under
                .as_deref()
                .is_some_and(|u| u == level || level == "篇")
            {
                under = None;
            }
        }
        out.push(under.is_some() || line.contains(prev));
    }
    out
}

/// What the draft made of the text's candidate sentences.
pub(super) struct TextDraft {
    pub(super) targets: Vec<Marked<Indicator>>,
    pub(super) records: Vec<TargetRecord>,
}

pub(super) fn text_targets(
    seed: &Seed,
    scan: &Scanner,
    period: Period,
    main: Option<&MainTable>,
    table: &[Marked<Indicator>],
    in_columns: bool,
    previous: Option<&str>,
) -> TextDraft {
    let heads = headings(seed);
    let headers = seed.column_headers();
    let mut targets: Vec<Marked<Indicator>> = Vec::new();
    let mut records = Vec::new();
    let (start, end) = (period.start, period.end);
    let mut last_pos = (0usize, 0usize);
    let past_lines = past_lines(seed, previous);
    for n in 1..=seed.len() {
        let Some(line) = seed.line(n) else { continue };
        // The main table: its header and rows are the table's indicators.
        if let Some(m) = main.filter(|m| (m.header..=m.rows_end).contains(&n)) {
            for (a, b) in sentences(line) {
                if !scan.is_candidate(line, a, b) {
                    continue;
                }
                let row = m.table.rows.iter().find(|(_, r)| r.line == n);
                let accounted = match row {
                    Some((number, _)) if in_columns => format!("I{number:02}"),
                    Some((number, _)) => format!(
                        "not a target: row {number} of the indicator table {}, I{number:02}",
                        m.label
                    ),
                    None => format!(
                        "not a target: the header of the indicator table {}",
                        m.label
                    ),
                };
                records.push(TargetRecord {
                    line: n,
                    text: line[a..b].to_string(),
                    accounted_as: vec![accounted],
                    marks: Vec::new(),
                });
            }
            continue;
        }
        let (theme, passage) = heads.get(n - 1).cloned().unwrap_or_default();
        let column_header = headers.iter().any(|(h, _)| *h == n);
        for (a, b) in sentences(line) {
            if !scan.is_candidate(line, a, b) {
                continue;
            }
            let sentence = &line[a..b];
            let mut tokens: Vec<Token> = scan
                .tokens(line, a, b)
                .into_iter()
                .filter(|t| !matches!(t.kind, TokenKind::Name | TokenKind::ListNumber))
                .collect();
            // The scanner lists digits before words: targets go in the order of the text.
            tokens.sort_by_key(|t| t.start);
            let mut years: Vec<i32> = tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Year)
                .map(|t| t.value as i32)
                .collect();
            if sentence.contains("二〇三五") {
                years.push(2035);
            }
            years.sort_unstable();
            years.dedup();
            let mut record = TargetRecord {
                line: n,
                text: sentence.to_string(),
                accounted_as: Vec::new(),
                marks: Vec::new(),
            };
            if column_header {
                let reason = "not a target: a column header";
                record.accounted_as.push(reason.to_string());
                records.push(record);
                continue;
            }
            let past = years.last().is_some_and(|&y| y < start)
                || (years.is_empty() && past_lines.get(n - 1).copied().unwrap_or(false));
            if years.len() > 1 || past {
                let basis = if past {
                    Basis::Past
                } else {
                    Basis::SeveralYears(years.iter().map(|y| y.to_string()).collect())
                };
                let reason = if past {
                    "not a target: drafted as describing the past"
                } else {
                    "not a target: drafted; the sentence states several years"
                };
                record.accounted_as.push(reason.to_string());
                record.marks.push(mark("accounted_as", reason, basis));
                records.push(record);
                continue;
            }
            let target_year = years.first().copied().unwrap_or(end);
            let clauses: Vec<(usize, usize)> = {
                let mut out = Vec::new();
                let mut at = a;
                for part in split_outside(sentence, ",，、:：") {
                    let p = line[at..b].find(part.as_str()).map_or(at, |i| at + i);
                    out.push((p, p + part.len()));
                    at = p + part.len();
                }
                out
            };
            let clause_of = |tok: &Token| -> (usize, usize) {
                clauses
                    .iter()
                    .copied()
                    .find(|&(p, q)| p <= tok.start && tok.end <= q)
                    .unwrap_or((a, b))
            };
            let place = |clause| Place {
                clause,
                line: n,
                theme: &theme,
                passage: &passage,
                target_year,
                years: &years,
            };
            let mut unread: Vec<String> = Vec::new();
            let mut restated: Vec<String> = Vec::new();
            let mut ids: Vec<String> = Vec::new();
            let mut relative_ids: Vec<(Comparison, String, String)> = Vec::new();
            // Which tokens a target covers: (clause span, figures).
            let mut covered: Vec<((usize, usize), f64)> = Vec::new();
            for tok in &tokens {
                match tok.kind {
                    TokenKind::Quantity | TokenKind::Word => {
                        if tok.kind == TokenKind::Quantity && not_a_figure(line, tok) {
                            unread.push(tok.text.clone());
                            continue;
                        }
                        let (p, q) = clause_of(tok);
                        let clause = line[p..q].trim();
                        // A restatement of a table row: the clause names the row and states
                        // one of its figures.
                        if let Some(ind) = table.iter().map(|m| &m.entry).find(|i| {
                            clause.contains(i.name.as_str())
                                && (i.target.is_some_and(|t| same_number(t, tok.value))
                                    || i.baseline.is_some_and(|t| same_number(t, tok.value)))
                        }) {
                            if in_columns {
                                if !restated.contains(&ind.id) {
                                    restated.push(ind.id.clone());
                                }
                            } else {
                                unread.push(tok.text.clone());
                            }
                            continue;
                        }
                        // verify proves a target by its first occurrence in the line, in
                        // seed order, and by its figure as written (12.0 is not 12).
                        let first = line.find(clause).unwrap_or(p);
                        if !states_figure(clause, tok.value) || (n, first) < last_pos {
                            unread.push(tok.text.clone());
                            continue;
                        }
                        last_pos = (n, first);
                        let id = format!("T{:03}", targets.len() + 1);
                        let fig = if tok.kind == TokenKind::Word {
                            Figure {
                                unit: if tok.value == 100.0 {
                                    "%".into()
                                } else {
                                    String::new()
                                },
                                target_text: tok.text.clone(),
                            }
                        } else {
                            figure_at(line, tok)
                        };
                        targets.push(text_target(&id, &fig, tok.value, &place(clause)));
                        covered.push(((p, q), tok.value));
                        ids.push(id);
                    }
                    TokenKind::Comparative => {
                        let (p, q) = clause_of(tok);
                        let clause = line[p..q].trim();
                        let (comparison, reference) = relative(tok, line);
                        let first = line.find(clause).unwrap_or(p);
                        if !clause.contains(reference.as_str()) || (n, first) < last_pos {
                            unread.push(tok.text.clone());
                            continue;
                        }
                        last_pos = (n, first);
                        let id = format!("T{:03}", targets.len() + 1);
                        let at = clause.find(tok.text.as_str()).unwrap_or(0);
                        // The words from the comparative to the clause's end, with a
                        // 位于/保持/在 directly before it.
                        let lead = ["位于", "位居", "保持", "在"]
                            .into_iter()
                            .find(|w| clause[..at].ends_with(w))
                            .map_or(0, str::len);
                        let target_text = clause[at - lead..].to_string();
                        targets.push(relative_target(
                            &id,
                            &target_text,
                            comparison,
                            &reference,
                            &place(clause),
                        ));
                        relative_ids.push((comparison, reference, id));
                    }
                    TokenKind::Year => {
                        // Covered when a target's clause holds it (checked below).
                    }
                    TokenKind::Name | TokenKind::ListNumber => {}
                }
            }
            // Years: in a target's clause, or outside the period before its end, or the
            // year of a target of the sentence; else unread.
            for tok in tokens.iter().filter(|t| t.kind == TokenKind::Year) {
                let y = tok.value as i32;
                let in_clause = covered
                    .iter()
                    .any(|&((p, q), _)| p <= tok.start && tok.end <= q);
                let ok = in_clause
                    || !(start..end).contains(&y)
                    || (!ids.is_empty() && y == target_year);
                if !ok {
                    unread.push(tok.text.clone());
                }
            }
            record.accounted_as.extend(restated);
            record.accounted_as.extend(ids);
            for (comparison, reference, id) in relative_ids {
                let c = if comparison == Comparison::MoreThan {
                    "more_than"
                } else {
                    "rank_at_most"
                };
                record
                    .accounted_as
                    .push(format!("relative: {c} {reference}: {id}"));
            }
            if sentence.contains("二〇三五") && years.len() == 1 && record.accounted_as.is_empty()
            {
                unread.push("二〇三五".into());
            }
            if !unread.is_empty() || record.accounted_as.is_empty() {
                unread.dedup();
                let reason = format!(
                    "not a target: drafted; no target read in {}",
                    if unread.is_empty() {
                        sentence.to_string()
                    } else {
                        unread.join(", ")
                    }
                );
                record.marks.push(mark(
                    "accounted_as",
                    &reason,
                    Basis::NotRead(if unread.is_empty() {
                        vec![sentence.to_string()]
                    } else {
                        unread
                    }),
                ));
                record.accounted_as.push(reason);
            }
            records.push(record);
        }
    }
    TextDraft { targets, records }
}

/// Where a text target stands: its clause, line, heading and the sentence's years.
pub(super) struct Place<'a> {
    pub(super) clause: &'a str,
    pub(super) line: usize,
    pub(super) theme: &'a str,
    pub(super) passage: &'a str,
    pub(super) target_year: i32,
    /// The years the sentence states (none: target_year is the period's end).
    pub(super) years: &'a [i32],
}

/// A target of the text with the defaults every reading starts from, and the marks
/// every text target carries (its year when the sentence states none, its attribute,
/// its department).
pub(super) fn from_text(
    id: &str,
    name: String,
    target_text: &str,
    at: &Place,
    marks: &mut Vec<Mark>,
) -> Indicator {
    if at.years.is_empty() {
        marks.push(mark("target_year", at.target_year, Basis::PeriodEnd));
    }
    marks.push(mark("attribute", "expected", Basis::NoAttribute));
    marks.push(mark("department", UNASSIGNED, Basis::Placeholder));
    Indicator {
        id: id.to_string(),
        name,
        unit: String::new(),
        category: at.theme.to_string(),
        attribute: Attribute::Expected,
        kind: IndicatorKind::Level,
        direction: Direction::HigherIsBetter,
        baseline: None,
        baseline_text: None,
        baseline_kind: BaselineKind::None,
        target: None,
        target_text: target_text.to_string(),
        target_year: at.target_year,
        comparison: Comparison::AtLeast,
        target_is: TargetIs::Path,
        range: [Some(0.0), None],
        department: UNASSIGNED.into(),
        reference: None,
        source: Citation {
            line: at.line,
            passage: at.passage.to_string(),
        },
        sentence: Some(at.clause.to_string()),
        discrepancies: Vec::new(),
        plausible: None,
        same_as: None,
        note: None,
        review: Vec::new(),
    }
}

/// A figure of the text as a target.
pub(super) fn text_target(id: &str, fig: &Figure, value: f64, at: &Place) -> Marked<Indicator> {
    let clause = at.clause;
    let mut marks = Vec::new();
    let name = target_name(clause, &fig.target_text);
    marks.push(mark("name", &name, Basis::Cut(clause.to_string())));
    let unit = fig.unit.trim_start_matches(['级']).to_string();
    let (kind, kind_basis) = if clause.contains("年均") {
        (IndicatorKind::AnnualRate, Basis::Word("年均".into()))
    } else if clause.contains("累计") {
        (IndicatorKind::Cumulative, Basis::Word("累计".into()))
    } else if let Some(w) = ["新增", "新建", "建成", "培育", "打造", "创建", "引进"]
        .into_iter()
        .find(|w| clause.contains(w))
        .filter(|_| !unit.contains('%') && !unit.contains('元'))
    {
        (IndicatorKind::Cumulative, Basis::Word(w.into()))
    } else {
        (IndicatorKind::Level, Basis::Default)
    };
    marks.push(mark("kind", snake(kind), kind_basis));
    let (comparison, cmp_basis) = comparison_of(&fig.target_text, Direction::HigherIsBetter);
    let direction = if comparison == Comparison::AtMost {
        Direction::LowerIsBetter
    } else {
        Direction::HigherIsBetter
    };
    marks.push(mark("comparison", snake(comparison), cmp_basis.clone()));
    marks.push(mark("direction", snake(direction), cmp_basis));
    let bound_word = ["保持", "以内", "不超过", "控制", "稳定在"]
        .into_iter()
        .find(|w| clause.contains(w));
    let (target_is, ti_basis) = match bound_word {
        Some(w) => (TargetIs::Bound, Basis::Word(w.into())),
        None => (TargetIs::Path, Basis::Default),
    };
    marks.push(mark("target_is", snake(target_is), ti_basis));
    let (range, range_basis) = if kind == IndicatorKind::AnnualRate || value < 0.0 {
        ([None, None], Basis::Word("年均".into()))
    } else if unit == "%" && value <= 100.0 {
        ([Some(0.0), Some(100.0)], Basis::Unit(unit.clone()))
    } else {
        ([Some(0.0), None], Basis::Default)
    };
    marks.push(mark("range", range_str(range), range_basis));
    let entry = Indicator {
        unit,
        kind,
        direction,
        target: Some(value),
        comparison,
        target_is,
        range,
        ..from_text(id, name, &fig.target_text, at, &mut marks)
    };
    Marked { entry, marks }
}

/// A comparative of the text as a relative target: more_than its reference, or a rank.
pub(super) fn relative_target(
    id: &str,
    target_text: &str,
    comparison: Comparison,
    reference: &str,
    at: &Place,
) -> Marked<Indicator> {
    let mut marks = Vec::new();
    let rank = comparison == Comparison::AtMost;
    let name = target_name(at.clause, target_text);
    marks.push(mark("name", &name, Basis::Cut(at.clause.to_string())));
    marks.push(mark(
        "comparison",
        snake(comparison),
        Basis::Word(target_text.to_string()),
    ));
    marks.push(mark(
        "reference",
        reference,
        Basis::Word(target_text.to_string()),
    ));
    let entry = Indicator {
        unit: if rank { "名".into() } else { "%".into() },
        kind: IndicatorKind::Qualitative,
        direction: if rank {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        },
        comparison,
        target_is: TargetIs::Bound,
        range: if rank {
            [Some(1.0), None]
        } else {
            [None, None]
        },
        reference: Some(reference.to_string()),
        ..from_text(id, name, target_text, at, &mut marks)
    };
    Marked { entry, marks }
}

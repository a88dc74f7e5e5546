//! The catalog against the scan: each text target and project of the catalog
//! at its sentence or column item, and the records that account for them.

use super::*;

/// (c), (d) of the text targets: figure in target_text, stated year, relative targets,
/// ids in file order and each batch in seed order.
pub(super) fn catalog_targets(
    v: &mut Verifier,
    acc: &Accounting,
    scan: &Scanner,
    targets: &[&Indicator],
) {
    let seed = v.seed;
    let end = v.plan.header.period.end;
    let batches: Vec<String> = acc
        .json
        .pointer("/search/targets/batches")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    if !batches.is_empty()
        && (batches.first().map(String::as_str) != targets.first().map(|t| t.id.as_str())
            || batches.windows(2).any(|w| w[0] >= w[1])
            || batches.iter().any(|b| !targets.iter().any(|t| t.id == *b)))
    {
        let msg = V::AccountingKey {
            key: "search/targets/batches".into(),
        };
        v.add_accounting(acc, "/search/targets/batches", None, msg);
    }
    let mut last_pos: (usize, usize) = (0, 0);
    for (k, t) in targets.iter().enumerate() {
        let expected = format!("T{:03}", k + 1);
        if t.id != expected {
            let msg = V::IdSequence {
                id: t.id.clone(),
                expected,
            };
            v.add(At::Indicator(t, "id"), None, msg);
        }
        if batches.contains(&t.id) {
            last_pos = (0, 0);
        }
        let Some(line) = seed.line(t.source.line) else {
            continue; // reported by the citation check
        };
        let Some(sentence) = t.sentence.as_deref().filter(|s| !s.is_empty()) else {
            continue;
        };
        let Some(&(a, b)) = occurrences(line, sentence).first() else {
            continue;
        };
        let n = t.source.line;
        if let Some(target) = t.target {
            if !scan
                .figures(&t.target_text)
                .iter()
                .any(|&x| same_number(x, target))
            {
                let msg = V::TargetNotInText {
                    target,
                    text: t.target_text.clone(),
                };
                v.add(At::Indicator(t, "target_text"), Some(n), msg);
            }
            // The figure stands alone in its sentence: not part of a name (5G, PM2.5, the
            // search's name_patterns). A figure not in the sentence at all is the
            // citation check's finding already.
            let standalone = scan.tokens(line, a, b).iter().any(|tok| {
                matches!(tok.kind, TokenKind::Quantity | TokenKind::Word)
                    && same_number(tok.value, target)
            });
            if !standalone && super::super::states_figure(sentence, target) {
                let msg = V::FigureNotInSentence {
                    target,
                    sentence: sentence.to_string(),
                };
                v.add(At::Indicator(t, "target"), Some(n), msg);
            }
        }
        if t.target.is_none() && t.reference.is_some() {
            if t.baseline.is_some() || t.baseline_kind != BaselineKind::None {
                let msg = V::RelativeBaseline {
                    reference: t.reference.clone().unwrap_or_default(),
                };
                v.add(At::Indicator(t, "baseline"), None, msg);
            }
            if !scan
                .tokens(line, a, b)
                .iter()
                .any(|tok| tok.kind == TokenKind::Comparative)
            {
                let msg = V::NoComparative {
                    sentence: sentence.to_string(),
                };
                v.add(At::Indicator(t, "sentence"), Some(n), msg);
            }
            let rank = t.comparison == Comparison::AtMost
                && t.direction == Direction::LowerIsBetter
                && matches!(t.unit.as_str(), "名" | "位")
                && t.range[0].is_some_and(|lo| lo >= 1.0);
            let more =
                t.comparison == Comparison::MoreThan && t.direction == Direction::HigherIsBetter;
            // (A kind other than qualitative is RelativeKind of the citation check.)
            if !(rank || more) {
                let msg = V::RelativeComparison {
                    comparison: format!("{:?}", t.comparison),
                    direction: format!("{:?}", t.direction),
                    unit: t.unit.clone(),
                };
                v.add(At::Indicator(t, "comparison"), None, msg);
            }
        }
        // The target year is the year the sentence states (二〇三五 is 2035), or the end of
        // the plan period when it states none.
        let stated: Vec<i32> = sentences(line)
            .into_iter()
            .filter(|&(p, q)| p <= a && b <= q)
            .flat_map(|(p, q)| {
                let mut years: Vec<i32> = scan
                    .tokens(line, p, q)
                    .iter()
                    .filter(|tok| tok.kind == TokenKind::Year)
                    .filter_map(|tok| tok.text.parse().ok())
                    .collect();
                if line[p..q].contains("二〇三五") {
                    years.push(2035);
                }
                years
            })
            .collect();
        let year_ok = if stated.is_empty() {
            t.target_year == end
        } else {
            stated.iter().all(|&y| y == t.target_year)
        };
        if !year_ok {
            let msg = V::TargetYearStated {
                year: t.target_year,
                stated,
                end,
            };
            v.add(At::Indicator(t, "target_year"), Some(n), msg);
        }
        let pos = (n, a);
        if pos < last_pos {
            let msg = V::SeedOrder {
                id: t.id.clone(),
                line: n,
                after: last_pos.0,
            };
            v.add(At::Indicator(t, "source/line"), Some(n), msg);
        }
        last_pos = last_pos.max(pos);
    }
}

/// (b), (c), (d) of the projects.
pub(super) fn projects(v: &mut Verifier, acc: &Accounting, cols: &[Column], main_table: &str) {
    static PID: LazyLock<Regex> = LazyLock::new(|| re(r"^P(\d{2})(\d{2})$"));
    let plan = v.plan;
    let seed = v.seed;
    // The tables the indicators cite are not project columns.
    let tables: HashSet<&str> = plan
        .indicators
        .iter()
        .filter_map(|i| super::super::table_row_passage(&i.source.passage).map(|(l, _)| l))
        .chain(std::iter::once(main_table))
        .collect();
    let project_cols: Vec<&Column> = cols
        .iter()
        .filter(|c| !tables.contains(c.label.as_str()))
        .collect();
    let by_ordinal: HashMap<u32, &Column> = cols.iter().map(|c| (c.ordinal, c)).collect();
    let mut per_column: BTreeMap<u32, Vec<(u32, &Project)>> = BTreeMap::new();
    for p in &plan.projects {
        match PID.captures(&p.id) {
            Some(c) if c[1].parse::<u32>().ok() == Some(p.column_ordinal) => {
                let item = c[2].parse().unwrap_or(0);
                per_column
                    .entry(p.column_ordinal)
                    .or_default()
                    .push((item, p));
            }
            _ => {
                let msg = V::ProjectId {
                    id: p.id.clone(),
                    ordinal: p.column_ordinal,
                };
                v.add(At::Project(p, "id"), None, msg);
            }
        }
        if let Some(col) = by_ordinal.get(&p.column_ordinal) {
            if col.label == p.column && p.source.line != col.header + 1 {
                let msg = V::ProjectLine {
                    line: p.source.line,
                    column: col.label.clone(),
                    content: col.header + 1,
                };
                v.add(At::Project(p, "source/line"), Some(col.header + 1), msg);
            }
            let passage = format!("{} {}", col.label, col.title);
            if col.label == p.column && p.source.passage != passage {
                let msg = V::ProjectPassage {
                    passage: p.source.passage.clone(),
                    expected: passage,
                };
                v.add(At::Project(p, "source/passage"), Some(col.header), msg);
            }
        }
    }
    for items in per_column.values() {
        for (k, (item, p)) in items.iter().enumerate() {
            if *item != k as u32 + 1 {
                let msg = V::IdSequence {
                    id: p.id.clone(),
                    expected: format!("P{:02}{:02}", p.column_ordinal, k + 1),
                };
                v.add(At::Project(p, "id"), None, msg);
            }
        }
    }

    // The column-item search.
    struct ItemRecord {
        k: usize,
        line: usize,
        column: String,
        ordinal: u32,
        item: String,
        /// One outcome, or (an element of a count group that stands for several places)
        /// one P-id per place.
        outcomes: Vec<String>,
        used: bool,
    }
    let mut records: Vec<ItemRecord> = entries(&acc.json, "items")
        .map(|(k, r)| ItemRecord {
            k,
            line: line_field(r),
            column: str_field(r, "column").to_string(),
            ordinal: r.get("column_ordinal").and_then(Value::as_u64).unwrap_or(0) as u32,
            item: str_field(r, "item").to_string(),
            outcomes: strings(r.get("accounted_as")),
            used: false,
        })
        .collect();
    let by_pid: HashMap<&str, &Project> =
        plan.projects.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut referenced: HashSet<String> = HashSet::new();
    for col in &project_cols {
        let n = col.header + 1;
        let Some(line) = seed.line(n) else { continue };
        let near = near(records.iter().map(|r| (r.k, r.line)), "items", n);
        for item in items(line) {
            if let Some(r) = records
                .iter_mut()
                .find(|r| !r.used && r.line == n && r.item == item)
            {
                r.used = true;
                let at = format!("/items/{}", r.k);
                let (rk_column, rk_ordinal, outcomes) =
                    (r.column.clone(), r.ordinal, r.outcomes.clone());
                if rk_column != col.label || rk_ordinal != col.ordinal {
                    let msg = V::ItemColumn {
                        line: n,
                        item: item.clone(),
                        recorded: format!("{rk_column} / {rk_ordinal}"),
                        column: format!("{} / {}", col.label, col.ordinal),
                    };
                    v.add_accounting(acc, &format!("{at}/column"), Some(n), msg);
                }
                let groups = facility_groups::groups(line);
                let element = groups
                    .iter()
                    .find_map(|g| g.element_of(line, &item).map(|k| (g, k)));
                let places =
                    element.map_or(1, |(g, k)| facility_groups::places(&g.elements[k]).len());
                if outcomes.iter().all(|o| PID.is_match(o)) {
                    if outcomes.len() != places {
                        let msg = V::ItemPlaces {
                            line: n,
                            item: item.clone(),
                            places,
                            ids: outcomes.clone(),
                        };
                        v.add_accounting(acc, &format!("{at}/accounted_as"), Some(n), msg);
                    }
                    for o in &outcomes {
                        let Some(p) = by_pid.get(o.as_str()) else {
                            let msg = V::UnknownId {
                                line: n,
                                id: o.clone(),
                            };
                            v.add_accounting(acc, &format!("{at}/accounted_as"), Some(n), msg);
                            continue;
                        };
                        let name = p.name.as_str();
                        let composed = element.is_some_and(|(g, k)| {
                            g.qualifiers().iter().any(|q| {
                                g.facilities(q).is_some_and(|f| {
                                    f.iter().any(|(e, fname)| *e == k && fname == name)
                                })
                            })
                        });
                        let related = item.contains(name)
                            || name.contains(item.as_str())
                            || name.contains(strip_verbs(&item))
                            || composed;
                        if p.source.line != n || !related {
                            let msg = V::ItemNotNamed {
                                line: n,
                                item: item.clone(),
                                id: p.id.clone(),
                                name: name.to_string(),
                            };
                            v.add_accounting(acc, &format!("{at}/accounted_as"), Some(n), msg);
                        }
                        referenced.insert(p.id.clone());
                    }
                } else if outcomes.len() != 1
                    || outcomes[0]
                        .strip_prefix("not a project: ")
                        .is_none_or(|x| x.trim().is_empty())
                {
                    let msg = V::RejectedOutcome {
                        line: n,
                        outcome: outcomes.join(", "),
                    };
                    v.add_accounting(acc, &format!("{at}/accounted_as"), Some(n), msg);
                }
            } else if let Some(p) = plan
                .projects
                .iter()
                .find(|p| p.source.line == n && p.name == item)
            {
                referenced.insert(p.id.clone());
            } else {
                let msg = V::ItemUnaccounted {
                    line: n,
                    column: col.label.clone(),
                    item,
                };
                v.add_accounting(acc, &near, Some(n), msg);
            }
        }
    }
    for r in records.iter().filter(|r| !r.used) {
        let msg = V::RecordNotAtLine {
            line: r.line,
            text: r.item.clone(),
        };
        v.add_accounting(acc, &format!("/items/{}/item", r.k), Some(r.line), msg);
    }
    for p in &plan.projects {
        if !referenced.contains(&p.id) {
            let msg = V::ProjectUnaccounted {
                id: p.id.clone(),
                name: p.name.clone(),
            };
            v.add(At::Project(p, "name"), Some(p.source.line), msg);
        }
    }
}

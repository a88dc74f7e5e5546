//! The catalog's entries against their lines of the seed: each row of the
//! main table, each text target, indicator and project (PL601, PL602).

use super::*;

impl Verifier<'_> {
    pub(super) fn table_row(
        &mut self,
        ind: &Indicator,
        tables: &mut BTreeMap<String, Result<Table, Option<usize>>>,
        main_table: &str,
        (label, number): (&str, u32),
    ) {
        let seed = self.seed;
        let table = tables
            .entry(label.to_string())
            .or_insert_with(|| Table::read(seed, label));
        let table = match table {
            Ok(t) => &*t,
            Err(line) => {
                let msg = V::TableUnreadable {
                    table: label.to_string(),
                    line: *line,
                };
                return self.add(At::Indicator(ind, "source/passage"), *line, msg);
            }
        };
        let table_name = || label.to_string();
        let Some(row) = table.rows.get(&number) else {
            let msg = V::NoSuchRow {
                table: table_name(),
                number,
            };
            return self.add(At::Indicator(ind, "source/passage"), None, msg);
        };
        let line = row.line;
        if line != ind.source.line {
            let msg = V::RowLine {
                table: table_name(),
                number,
                cited: ind.source.line,
                line,
            };
            self.add(At::Indicator(ind, "source/line"), Some(line), msg);
        }
        let expected_id = format!("I{number:02}");
        if label == main_table && ind.id != expected_id {
            let msg = V::RowId {
                table: table_name(),
                number,
                expected: expected_id,
            };
            self.add(At::Indicator(ind, "id"), Some(line), msg);
        }
        let cell = |name: &str| -> Option<(String, String)> {
            let c = table.column(name)?;
            row.cells.get(c).map(|v| (c.to_string(), v.clone()))
        };
        // 指标名称: "name(unit)", or the name alone where the table gives no unit (then the
        // unit is a judgement call the entry must explain in a note).
        match cell("指标名称").or_else(|| cell("名称")) {
            None => {
                let msg = V::NoColumn {
                    table: table_name(),
                    column: "指标名称".into(),
                };
                self.add(At::Indicator(ind, "source/passage"), Some(line), msg)
            }
            Some((column, name_cell)) => {
                let with_unit = [
                    format!("{}({})", ind.name, ind.unit),
                    format!("{}\u{ff08}{}\u{ff09}", ind.name, ind.unit),
                ];
                if with_unit.contains(&name_cell) {
                    // name and unit proved
                } else if name_cell == ind.name {
                    if ind.note.is_none() {
                        let msg = V::UnitNeedsNote {
                            cell: name_cell,
                            unit: ind.unit.clone(),
                        };
                        self.add(At::Indicator(ind, "unit"), Some(line), msg);
                    }
                } else {
                    let msg = V::Cell {
                        field: "name (unit)".into(),
                        have: Some(with_unit[0].clone()),
                        column,
                        cell: name_cell,
                        line,
                    };
                    self.add(At::Indicator(ind, "name"), Some(line), msg);
                }
            }
        }
        // 类别
        match &row.category {
            Some(c) if *c != ind.category => {
                let msg = V::Cell {
                    field: "category".into(),
                    have: Some(ind.category.clone()),
                    column: table.columns.first().cloned().unwrap_or_default(),
                    cell: c.clone(),
                    line,
                };
                self.add(At::Indicator(ind, "category"), Some(line), msg);
            }
            None if table.columns.first().is_some_and(|c| c.contains("类别")) => {
                let msg = V::NoCategory {
                    table: table_name(),
                    number,
                };
                self.add(At::Indicator(ind, "category"), Some(line), msg);
            }
            _ => {}
        }
        // baseline (“十三五”完成, or a 基期 column) and target (“十四五”目标)
        let facts = [
            (
                &["完成", "基期"][..],
                "baseline",
                "baseline_text",
                ind.baseline,
                ind.baseline_text.as_deref(),
            ),
            (
                &["目标"][..],
                "target",
                "target_text",
                ind.target,
                Some(ind.target_text.as_str()),
            ),
        ];
        for (names, field, text_field, value, text) in facts {
            let Some((column, c)) = names.iter().find_map(|name| cell(name)) else {
                let msg = V::NoColumn {
                    table: table_name(),
                    column: format!("…{}", names[0]),
                };
                self.add(At::Indicator(ind, "source/passage"), Some(line), msg);
                continue;
            };
            if text != Some(c.as_str()) {
                let msg = V::Cell {
                    field: text_field.into(),
                    have: text.map(str::to_string),
                    column: column.clone(),
                    cell: c.clone(),
                    line,
                };
                let at = if text.is_some() { text_field } else { "" };
                self.add(At::Indicator(ind, at), Some(line), msg);
            }
            let stated = cell_number(&c, &ind.unit);
            let agrees = match (value, stated) {
                (Some(v), Some(n)) => v == n,
                (None, None) => true,
                _ => false,
            };
            if !agrees {
                let msg = V::Cell {
                    field: field.into(),
                    have: Some(value.map_or_else(|| "null".to_string(), plain)),
                    column,
                    cell: c,
                    line,
                };
                self.add(At::Indicator(ind, field), Some(line), msg);
            }
        }
        // 属性
        match cell("属性") {
            None => {
                let msg = V::NoColumn {
                    table: table_name(),
                    column: "属性".into(),
                };
                self.add(At::Indicator(ind, "source/passage"), Some(line), msg)
            }
            Some((column, a)) => {
                let expected = match ind.attribute {
                    Attribute::Binding => "约束性",
                    Attribute::Expected => "预期性",
                };
                if a != expected {
                    let msg = V::Cell {
                        field: "attribute".into(),
                        have: Some(expected.into()),
                        column,
                        cell: a,
                        line,
                    };
                    self.add(At::Indicator(ind, "attribute"), Some(line), msg);
                }
            }
        }
    }

    pub(super) fn text_indicator(&mut self, ind: &Indicator, line: &str) {
        let n = ind.source.line;
        let Some(sentence) = ind.sentence.as_deref().filter(|s| !s.is_empty()) else {
            let msg = V::NoSentence {
                passage: ind.source.passage.clone(),
            };
            return self.add(At::Indicator(ind, "source/passage"), Some(n), msg);
        };
        if !line.contains(sentence) {
            let msg = V::NotAtLine {
                what: Quoted::Sentence,
                text: sentence.to_string(),
                line: n,
            };
            return self.add(At::Indicator(ind, "sentence"), Some(n), msg);
        }
        match (ind.target, ind.reference.as_deref()) {
            (None, Some(reference)) => {
                // A relative target: what it is compared with, in the plan's own words.
                if ind.kind != IndicatorKind::Qualitative {
                    let msg = V::RelativeKind {
                        reference: reference.to_string(),
                    };
                    self.add(At::Indicator(ind, "kind"), None, msg);
                }
                if reference.trim().is_empty() || !sentence.contains(reference) {
                    let msg = V::NotInSentence {
                        what: Quoted::Reference,
                        text: reference.to_string(),
                        sentence: sentence.to_string(),
                    };
                    self.add(At::Indicator(ind, "reference"), Some(n), msg);
                }
                if ind.target_text.is_empty() || !sentence.contains(ind.target_text.as_str()) {
                    let msg = V::NotInSentence {
                        what: Quoted::TargetText,
                        text: ind.target_text.clone(),
                        sentence: sentence.to_string(),
                    };
                    self.add(At::Indicator(ind, "target_text"), Some(n), msg);
                }
            }
            (None, None) => self.add(At::Indicator(ind, "target"), None, V::NoFigureNoReference),
            (Some(t), Some(reference)) => {
                let msg = V::FigureAndReference {
                    target: t,
                    reference: reference.to_string(),
                };
                self.add(At::Indicator(ind, "reference"), None, msg)
            }
            (Some(_), None) => {}
        }
        if let Some(t) = ind.target {
            // In digits, or in words (全覆盖 is 100, 零 is 0).
            if !states_figure(sentence, t) {
                let msg = V::FigureNotInSentence {
                    target: t,
                    sentence: sentence.to_string(),
                };
                self.add(At::Indicator(ind, "target"), Some(n), msg);
            }
        }
    }

    pub(super) fn indicator(
        &mut self,
        ind: &Indicator,
        tables: &mut BTreeMap<String, Result<Table, Option<usize>>>,
        main_table: &str,
    ) {
        let (start, end) = (self.plan.header.period.start, self.plan.header.period.end);
        if ind.name.trim().is_empty() {
            let id = ind.id.clone();
            self.add(At::Indicator(ind, "name"), None, V::EmptyName { id });
        }
        // A long-range target (2035年远景目标) lies beyond the period; its own line must name that year.
        let long_range_cited = ind.target_year > end
            && self.seed.cited(&ind.source).is_ok_and(|l| {
                l.contains(&format!("{}年", ind.target_year))
                    || (ind.target_year == 2035 && l.contains("二〇三五年"))
            });
        if (ind.target_year < start || ind.target_year > end) && !long_range_cited {
            let msg = V::TargetYear {
                year: ind.target_year,
                start,
                end,
            };
            self.add(At::Indicator(ind, "target_year"), None, msg);
        }
        let [lo, hi] = ind.range;
        if let (Some(lo), Some(hi)) = (lo, hi) {
            if lo > hi {
                self.add(At::Indicator(ind, "range"), None, V::EmptyRange { lo, hi });
            }
        }
        for (field, value) in [("baseline", ind.baseline), ("target", ind.target)] {
            if let Some(v) = value {
                if lo.is_some_and(|lo| v < lo) || hi.is_some_and(|hi| v > hi) {
                    let msg = V::OutsideRange {
                        field: field.into(),
                        value: v,
                        lo,
                        hi,
                    };
                    self.add(At::Indicator(ind, field), None, msg);
                }
            }
        }
        let line = match self.seed.cited(&ind.source) {
            Ok(l) => l,
            Err(e) => return self.add(At::Indicator(ind, "source/line"), None, e),
        };
        // A table row's name is proven cell by cell; a target from the text is
        // proven by its verbatim sentence (its name is a short label for it).
        match table_row_passage(&ind.source.passage) {
            Some(row) => self.table_row(ind, tables, main_table, row),
            None => self.text_indicator(ind, line),
        }
        for (k, d) in ind.discrepancies.iter().enumerate() {
            let citation = Citation {
                line: d.line,
                passage: d.passage.clone(),
            };
            let field = format!("discrepancies/{k}/text");
            match self.seed.cited(&citation) {
                Err(e) => {
                    let field = format!("discrepancies/{k}/line");
                    self.add(At::Indicator(ind, &field), None, e)
                }
                Ok(l) if d.text.is_empty() || !l.contains(d.text.as_str()) => {
                    let msg = V::NotAtLine {
                        what: Quoted::Discrepancy,
                        text: d.text.clone(),
                        line: d.line,
                    };
                    self.add(At::Indicator(ind, &field), Some(d.line), msg)
                }
                Ok(_) => {}
            }
        }
    }

    /// A project; the count group that composes its name, if it is composed: ((line,
    /// group), qualifiers).
    pub(super) fn project(&mut self, p: &Project, headers: &[(usize, String)]) -> Option<Composed> {
        let n = p.source.line;
        let line = match self.seed.cited(&p.source) {
            Ok(l) => l,
            Err(e) => {
                self.add(At::Project(p, "source/line"), None, e);
                return None;
            }
        };
        let mut composed = None;
        if p.name.trim().is_empty() {
            let id = p.id.clone();
            self.add(At::Project(p, "name"), None, V::EmptyName { id });
        } else if !line.contains(p.name.as_str()) {
            // Not verbatim: the name must be a facility of a count group of the line.
            let found = facility_groups::groups(line)
                .iter()
                .enumerate()
                .map(|(k, g)| (k, g.composing(&p.name)))
                .find(|(_, qs)| !qs.is_empty());
            match found {
                Some((group, qualifiers)) => composed = Some(((n, group), qualifiers)),
                None => {
                    let msg = V::NotComposed {
                        name: p.name.clone(),
                        line: n,
                    };
                    self.add(At::Project(p, "name"), Some(n), msg)
                }
            }
        }
        // column_ordinal counts column headers in the seed, 1-based.
        match headers.get((p.column_ordinal as usize).wrapping_sub(1)) {
            Some((_, label)) if *label == p.column => {}
            found => {
                let msg = V::ColumnOrdinal {
                    ordinal: p.column_ordinal,
                    column: p.column.clone(),
                    found: found.cloned(),
                    headers: headers.len(),
                };
                let at = found.map(|(l, _)| *l);
                self.add(At::Project(p, "column_ordinal"), at, msg)
            }
        }
        // The line names the column: the label, not followed by more of a label (专栏3-1 is
        // not 专栏3-10).
        let names_column = line.match_indices(p.column.as_str()).any(|(at, m)| {
            !line[at + m.len()..].starts_with(|c: char| c.is_ascii_digit() || c == '-')
        });
        let nearest = headers.iter().enumerate().rev().find(|(_, (l, _))| *l <= n);
        match nearest {
            Some((i, (l, label))) if *label == p.column => {
                if i + 1 != p.column_ordinal as usize {
                    let msg = V::ColumnOrdinal {
                        ordinal: p.column_ordinal,
                        column: p.column.clone(),
                        found: headers.get(i).cloned(),
                        headers: headers.len(),
                    };
                    self.add(At::Project(p, "column_ordinal"), Some(*l), msg);
                }
            }
            _ if names_column => {}
            other => {
                let msg = V::ColumnNotNamed {
                    line: n,
                    column: p.column.clone(),
                    nearest: other.map(|(_, h)| h.clone()),
                };
                self.add(At::Project(p, "column"), Some(n), msg)
            }
        }
        composed
    }
}

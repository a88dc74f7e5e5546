//! What the editor asks of an open report besides its findings: hover (the
//! indicator or project as the plan writes it, its plausible range and last
//! figure), completion of ids, departments and statuses, and the quick fixes.

use super::*;

impl State {
    /// The plan of an open document: the one its `plan:` names, else the first.
    pub(super) fn plan_of(&self, doc: &Doc) -> Option<&Plan> {
        let named = (doc.report.as_ref())
            .and_then(Report::plan_id)
            .and_then(|id| self.plans.get(id));
        named.or_else(|| self.plans.0.first())
    }

    /// Reads the record the last figure of the indicator or project under
    /// the cursor comes from, if it is not read yet (the open report's
    /// department's is: another department's id may be hovered).
    pub(super) fn read_for_hover(&mut self, uri: &str, at: lsp::Position) {
        let department = (|| {
            let doc = self.docs.get(uri)?;
            let index = LineIndex::new(&doc.text);
            let (start, end) = word_at(&doc.text, index.offset(at))?;
            let word = &doc.text[start..end];
            let plan = self.plan_of(doc)?;
            (plan.indicator(word).map(|i| &i.department))
                .or_else(|| plan.project(word).map(|p| &p.department))
                .cloned()
        })();
        if let (Some(d), Some(opts)) = (department, &self.opts) {
            let named = BTreeSet::from([d.as_str()]);
            self.kept.read_record_of(&self.plans, opts, &named);
        }
    }

    pub(super) fn hover(&self, uri: &str, at: lsp::Position) -> Option<lsp::Hover> {
        let doc = self.docs.get(uri)?;
        let index = LineIndex::new(&doc.text);
        let offset = index.offset(at);
        let (start, end) = word_at(&doc.text, offset)?;
        let word = &doc.text[start..end];
        let plan = self.plan_of(doc)?;
        let lang = self.lang;
        let t = |s: ServerText| s.text(lang);
        let period = (doc.report.as_ref())
            .and_then(Report::period)
            .or_else(|| crate::load::workspace::folder_year(&doc.path.to_string_lossy()));
        // Earlier periods only are asked of it: the stored reports serve.
        let history = || crate::engine::history::History::build(&self.plans.0, self.kept.reports());
        let department = |code: &str| {
            let name = plan.department(code).map_or("", |d| d.name.as_str());
            t(ServerText::HoverDepartment {
                code: code.into(),
                name: name.into(),
            })
        };
        let plan_line = |c: &crate::model::plan::Citation| {
            t(ServerText::HoverPlanLine {
                plan: plan.header.name.clone(),
                line: c.line,
                passage: c.passage.clone(),
            })
        };
        let mut lines = Vec::new();
        if let Some(ind) = plan.indicator(word) {
            lines.push(format!("**{}**", messages::named(lang, &ind.name, &ind.id)));
            lines.push(t(ServerText::HoverUnit {
                unit: ind.unit.clone(),
            }));
            let baseline = (ind.baseline_text.clone())
                .or_else(|| ind.baseline.map(|b| messages::val(b, &ind.unit)))
                .unwrap_or_else(|| "---".into());
            lines.push(t(ServerText::HoverBaseline {
                value: baseline,
                year: plan.header.period.baseline_year,
            }));
            lines.push(t(ServerText::HoverTarget {
                value: ind.target_text.clone(),
                year: ind.target_year,
            }));
            lines.push(t(ServerText::HoverAttribute {
                binding: ind.attribute == Attribute::Binding,
            }));
            lines.push(department(&ind.department));
            let p = plan.plausibility(ind);
            lines.push(t(ServerText::HoverPlausible {
                ind: ind.into(),
                min: ind.range[0],
                max: ind.range[1],
                whole: p.whole,
                change: p.change,
            }));
            let h = history();
            let last = h.previous_value(plan, ind, period.unwrap_or(i32::MAX));
            lines.push(match last {
                Some(f) => t(ServerText::HoverLastValue {
                    value: messages::val(f.value, &ind.unit),
                    year: f.period,
                }),
                None => t(ServerText::HoverNoLastValue),
            });
            lines.push(plan_line(&ind.source));
        } else if let Some(p) = plan.project(word) {
            lines.push(format!("**{}**", messages::named(lang, &p.name, &p.id)));
            lines.push(t(ServerText::HoverColumn {
                column: p.column.clone(),
            }));
            lines.push(department(&p.department));
            let h = history();
            let last = h.previous_project(plan, p, period.unwrap_or(i32::MAX));
            lines.push(match last.and_then(|f| Some((f.status?.value, f.period))) {
                Some((status, year)) => t(ServerText::HoverLastValue {
                    value: format!("{} ({})", status.as_str(), messages::status_zh(status)),
                    year,
                }),
                None => t(ServerText::HoverNoLastValue),
            });
            lines.push(plan_line(&p.source));
        } else {
            return None;
        }
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: lines.join("  \n"),
            }),
            range: Some(index.range(start, end)),
        })
    }

    pub(super) fn complete(&self, uri: &str, at: lsp::Position) -> Option<lsp::CompletionResponse> {
        let doc = self.docs.get(uri)?;
        let plan = self.plan_of(doc)?;
        let lang = self.lang;
        let index = LineIndex::new(&doc.text);
        let offset = index.offset(at);
        let line_start = doc.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let before = &doc.text[line_start..offset];
        let trimmed = before.trim_start();
        let trimmed = trimmed.strip_prefix("- ").unwrap_or(trimmed).trim_start();
        let trimmed = trimmed.strip_prefix('{').unwrap_or(trimmed).trim_start();
        let (key, typed) = trimmed.split_once(':')?;
        if typed.contains([',', '}']) {
            return None;
        }
        let typed = typed.trim_start();
        let typed = typed.trim_start_matches(['"', '\'']);
        let replace = index.range(offset - typed.len(), offset);
        let item = |label: &str, detail: String, kind| lsp::CompletionItem {
            label: label.to_string(),
            kind: Some(kind),
            detail: Some(detail),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                replace,
                label.to_string(),
            ))),
            ..Default::default()
        };
        let items: Vec<lsp::CompletionItem> = match key.trim() {
            "id" => {
                let section = section_at(&doc.text[..line_start]);
                let department = (doc.report.as_ref())
                    .and_then(|r| r.department().map(str::to_string))
                    .or_else(|| top_level_value(&doc.text, "department"));
                let written = written_ids(&doc.text);
                let own = |d: &str| department.as_deref().is_none_or(|x| x == d);
                match section {
                    Some("projects") => (plan.projects.iter())
                        .filter(|p| own(&p.department) && !written.contains(p.id.as_str()))
                        .map(|p| {
                            let detail = ServerText::CompleteProject {
                                name: p.name.clone(),
                                column: p.column.clone(),
                            };
                            item(&p.id, detail.text(lang), lsp::CompletionItemKind::MODULE)
                        })
                        .collect(),
                    _ => (plan.indicators.iter())
                        .filter(|i| own(&i.department) && !written.contains(i.id.as_str()))
                        .map(|i| {
                            let detail = ServerText::CompleteIndicator {
                                name: i.name.clone(),
                                unit: i.unit.clone(),
                            };
                            item(&i.id, detail.text(lang), lsp::CompletionItemKind::FIELD)
                        })
                        .collect(),
                }
            }
            "department" => (plan.departments.iter())
                .map(|d| {
                    let detail = ServerText::CompleteDepartment {
                        name: d.name.clone(),
                        aliases: d.aliases.clone(),
                    };
                    item(
                        &d.code,
                        detail.text(lang),
                        lsp::CompletionItemKind::ENUM_MEMBER,
                    )
                })
                .collect(),
            "status" => (ProjectStatus::ALL.iter())
                .map(|s| {
                    let detail = ServerText::CompleteStatus { status: *s };
                    item(
                        s.as_str(),
                        detail.text(lang),
                        lsp::CompletionItemKind::ENUM_MEMBER,
                    )
                })
                .collect(),
            _ => return None,
        };
        Some(lsp::CompletionResponse::Array(items))
    }

    // lsp-types keys a workspace edit's changes by `Uri`, which clippy
    // counts as mutable (a cache inside); it is never changed here.
    #[allow(clippy::mutable_key_type)]
    pub(super) fn code_actions(&self, uri: &lsp::Uri, range: lsp::Range) -> Vec<lsp::CodeAction> {
        let Some(doc) = self.docs.get(uri.as_str()) else {
            return Vec::new();
        };
        let index = LineIndex::new(&doc.text);
        let shown = crate::syntax::paths::display(&doc.path);
        let (from, to) = (index.offset(range.start), index.offset(range.end));
        (doc.diagnostics.iter())
            .filter(|d| !d.suppressed && d.location.path == shown)
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                let span = d.location.span?;
                // The finding's span or the fix's touches the range asked about.
                let touches = |s: usize, e: usize| s <= to && from <= e;
                if !touches(span.start(), span.end()) && !touches(fix.span.start(), fix.span.end())
                {
                    return None;
                }
                let edit = lsp::TextEdit::new(
                    index.range(fix.span.start(), fix.span.end()),
                    fix.replacement.clone(),
                );
                let mut changes = std::collections::HashMap::new();
                changes.insert(uri.clone(), vec![edit]);
                Some(lsp::CodeAction {
                    title: fix.title.text(self.lang),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![self.lsp_diagnostic(d, &index, &shown)]),
                    edit: Some(lsp::WorkspaceEdit {
                        changes: Some(changes),
                        ..Default::default()
                    }),
                    is_preferred: Some(true),
                    ..Default::default()
                })
            })
            .collect()
    }
}

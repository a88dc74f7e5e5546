//! Projects: the 专栏 column items drafted as projects, names cut from their items.

use super::*;

/// A column item's project name: the item without its leading verbs, when it ends like a
/// thing to build.
pub(super) fn project_name(item: &str) -> Option<String> {
    let mut name = item.trim();
    loop {
        let stripped = strip_verbs(name);
        if stripped == name || stripped.is_empty() {
            break;
        }
        name = stripped;
    }
    // "A等<kind>" names A as a <kind>: 玉田片区等老旧小区配套基础设施改造项目.
    if let Some((a, _)) = name.split_once('等') {
        if a.chars().count() >= 3 {
            return Some(a.to_string());
        }
    }
    // A trailing bracket says which phase or part: 啤酒厂项目(二期).
    let base = match name.rfind(['(', '（']) {
        Some(at) if name.ends_with([')', '）']) => &name[..at],
        _ => name,
    };
    let long_enough = name.chars().count() >= 3;
    (long_enough && PROJECT_ENDINGS.iter().any(|e| base.ends_with(e))).then(|| name.to_string())
}

/// The qualifier a count group's facilities are composed with: the empty one, unless the
/// last element is longer than every other element by a suffix that with the heading
/// reads as one type ("金地卫生3处服务站": 卫生 + 服务站).
pub(super) fn group_qualifier(g: &facility_groups::Group) -> String {
    let others = &g.elements[..g.elements.len().saturating_sub(1)];
    let longest = others.iter().map(|e| e.chars().count()).max().unwrap_or(0);
    let last = g.elements.last().map_or(0, |e| e.chars().count());
    g.qualifiers()
        .into_iter()
        .rfind(|q| {
            g.facilities(q).is_some()
                && (q.is_empty()
                    || (q.chars().count() == 2
                        && last.saturating_sub(2) <= longest
                        && last > longest))
        })
        .unwrap_or_default()
}

pub(super) fn projects(
    seed: &Seed,
    cols: &[Column],
    main_label: Option<&str>,
) -> (Vec<Marked<Project>>, Vec<ItemRecord>) {
    let mut out: Vec<Marked<Project>> = Vec::new();
    let mut records = Vec::new();
    for col in cols.iter().filter(|c| Some(c.label.as_str()) != main_label) {
        let n = col.header + 1;
        let Some(line) = seed.line(n) else { continue };
        let groups: Vec<facility_groups::Group> = facility_groups::groups(line)
            .into_iter()
            .filter(|g| g.place_count() == g.count)
            .collect();
        let mut k = 0u32;
        let mut named: BTreeMap<String, String> = BTreeMap::new();
        let passage = format!("{} {}", col.label, col.title);
        let mut new_project = |name: String, marks: Vec<Mark>, out: &mut Vec<Marked<Project>>| {
            k += 1;
            let id = format!("P{:02}{:02}", col.ordinal, k);
            let mut marks = marks;
            marks.push(mark("department", UNASSIGNED, Basis::Placeholder));
            out.push(Marked {
                entry: Project {
                    id: id.clone(),
                    name,
                    column: col.label.clone(),
                    column_ordinal: col.ordinal,
                    department: UNASSIGNED.into(),
                    source: Citation {
                        line: n,
                        passage: passage.clone(),
                    },
                    note: None,
                    review: Vec::new(),
                },
                marks,
            });
            id
        };
        let mut previous_unread: Option<usize> = None;
        for item in items(line) {
            let record = |accounted_as: Vec<String>, marks: Vec<Mark>| ItemRecord {
                line: n,
                column: col.label.clone(),
                ordinal: col.ordinal,
                item: item.clone(),
                accounted_as,
                marks,
            };
            let element = groups
                .iter()
                .find_map(|g| g.element_of(line, &item).map(|e| (g, e)));
            if let Some((g, e)) = element {
                let q = group_qualifier(g);
                let names: Vec<String> = g
                    .facilities(&q)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|(k, _)| *k == e)
                    .map(|(_, name)| name)
                    .collect();
                let mut ids = Vec::new();
                for name in names {
                    if let Some(id) = named.get(&name) {
                        ids.push(id.clone());
                        continue;
                    }
                    let marks = vec![mark(
                        "name",
                        &name,
                        Basis::Composed {
                            item: item.clone(),
                            qualifier: q.clone(),
                        },
                    )];
                    let id = new_project(name.clone(), marks, &mut out);
                    named.insert(name, id.clone());
                    ids.push(id);
                }
                records.push(record(ids, Vec::new()));
                continue;
            }
            // An item that coordinates its object with the item before it (和, 及), when that
            // one names nothing by itself: the project is named across both
            // ("道路声屏障、降噪绿化带和低噪声路面改造工程").
            let joined = project_name(&item).and_then(|name| {
                let prev = previous_unread.take()?;
                let both = format!("{}、{name}", records[prev].item);
                let coordinated = name.contains('和') || name.contains('及');
                (coordinated && name == item && line.contains(&both)).then_some((prev, both))
            });
            if let Some((prev, name)) = joined {
                let marks = vec![mark("name", &name, Basis::Cut(line.to_string()))];
                let id = new_project(name.clone(), marks, &mut out);
                named.insert(name, id.clone());
                records[prev].accounted_as = vec![id.clone()];
                records[prev].marks.clear();
                records.push(record(vec![id], Vec::new()));
                continue;
            }
            previous_unread = None;
            match project_name(&item) {
                Some(name) => {
                    if let Some(id) = named.get(&name) {
                        records.push(record(vec![id.clone()], Vec::new()));
                        continue;
                    }
                    let exact = name == item;
                    let marks = if exact {
                        Vec::new()
                    } else {
                        vec![mark("name", &name, Basis::Cut(item.clone()))]
                    };
                    let id = new_project(name.clone(), marks, &mut out);
                    named.insert(name, id.clone());
                    if !exact {
                        records.push(record(vec![id], Vec::new()));
                    }
                }
                None => {
                    let reason = "not a project: drafted; not read as a named thing to build";
                    let marks = vec![mark("accounted_as", reason, Basis::NotProject)];
                    previous_unread = Some(records.len());
                    records.push(record(vec![reason.to_string()], marks));
                }
            }
        }
    }
    (out, records)
}

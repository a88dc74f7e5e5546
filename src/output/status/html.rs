//! `status --format html`: one self-contained page — inline CSS and SVG, no
//! script, no network, no web fonts — with a chart per indicator (binding
//! indicators first) that reads on a phone as well as on a desktop.

use super::wording::{
    attention, attention_cells, attention_headings, attention_sentence, baseline_cell,
    baseline_when, basis, column_name, department_cells, department_headings, fig, investment,
    judgement_sentence, pct, projects_sentence, status_heading, target_cell, themes, title,
    STATUS_ORDER,
};
use super::{IndicatorStatus, Method, ProjectCounts, Stage, Status};
use crate::diagnostics::messages::{num, Header, Lang, StatusText as S};
use crate::model::plan::{Attribute, Period};
use rayon::prelude::*;
use std::fmt::Write;

mod chart;
pub use chart::{axis_break, chart};

/// Whether an indicator has a figure in some year (a card with a chart);
/// the others are listed together.
fn has_data(ind: &IndicatorStatus) -> bool {
    ind.values.iter().any(|y| y.value.is_some())
}

/// The department's notes on an indicator's figures: each year a mark that
/// shows its note on hover or tap (focus), and in print.
fn notes(out: &mut String, ind: &IndicatorStatus, lang: Lang) {
    let with: Vec<_> = (ind.values.iter())
        .filter_map(|y| Some((y.year, y.note.as_deref()?)))
        .collect();
    if with.is_empty() {
        return;
    }
    let _ = write!(out, "<p class=\"notes\">{}", esc(&S::Notes.text(lang)));
    for (year, note) in with {
        let _ = write!(
            out,
            " <span class=\"note\" tabindex=\"0\">{year}<span class=\"tip\">{}</span></span>",
            esc(note)
        );
    }
    out.push_str("</p>");
}

/// The filter by category and department: radio buttons and a list, read
/// by CSS (`:has`), so that it works with no script and no network.
fn filter(out: &mut String, s: &Status, lang: Lang) {
    let _ = write!(
        out,
        "<nav class=\"filter\" aria-label=\"{}\"><span class=\"fgroup\"><b>{}</b>\
         <input type=\"radio\" name=\"fc\" id=\"fc-all\" checked><label for=\"fc-all\">{}</label>",
        esc(&S::Filter.text(lang)),
        esc(&S::FilterCategory.text(lang)),
        esc(&S::FilterAll.text(lang))
    );
    for c in s.stage.categories() {
        let _ = write!(
            out,
            "<input type=\"radio\" name=\"fc\" id=\"fc-{0}\"><label for=\"fc-{0}\" class=\"c-{0}\">{1}</label>",
            c.code(),
            c.label()
        );
    }
    let _ = write!(
        out,
        "</span><span class=\"fgroup\"><label for=\"fd\"><b>{}</b></label><select id=\"fd\"><option value=\"\" selected>{}</option>",
        esc(&S::FilterDepartment.text(lang)),
        esc(&S::FilterAllDepartments.text(lang))
    );
    for d in &s.departments {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            esc(&d.department),
            esc(&d.name)
        );
    }
    out.push_str("</select></span></nav>");
}

/// The CSS rules of the filter: one per category of the stage and one per
/// department listed.
fn filter_css(s: &Status) -> String {
    let mut css = String::new();
    for c in s.stage.categories() {
        let _ = writeln!(
            css,
            "body:has(#fc-{0}:checked) [data-category]:not([data-category=\"{0}\"]),\
             body:has(#fc-{0}:checked) .group:not(:has([data-category=\"{0}\"])){{display:none}}",
            c.code()
        );
    }
    for d in &s.departments {
        let code = esc(&d.department);
        let _ = writeln!(
            css,
            "body:has(#fd option[value=\"{code}\"]:checked) [data-department]:not([data-department=\"{code}\"]),\
             body:has(#fd option[value=\"{code}\"]:checked) .group:not(:has([data-department=\"{code}\"])){{display:none}}"
        );
    }
    css
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    if !s
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9;--card:#fff;
--achieved:#7c3aed;--ahead:#2563eb;--on_track:#16a34a;--behind:#dc2626;--not_yet:#d97706;--no_data:#9ca3af;
--met:#16a34a;--missed:#dc2626;--in_error:#b45309;--no_requirement:#6b7280;
--value:#1d4ed8;--path:#6b7280;--target:#d97706}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
header{padding-top:20px}
h1{font-size:1.35rem;line-height:1.3;margin:0 0 4px}
h2{font-size:1.15rem;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:0;line-height:1.35}
.sub{color:var(--muted);margin:0 0 12px;font-size:.9rem}
.chips{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:8px 0;max-width:900px}
.chip{display:grid;grid-template-columns:1fr auto;align-items:baseline;background:var(--card);border:1px solid var(--line);
border-left:5px solid var(--c);border-radius:8px;padding:6px 10px;font-size:.9rem}
.chip b{font-size:1.4rem;line-height:1.2;grid-row:span 2;align-self:center}
.chip small{color:var(--muted);font-size:.75rem}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;color:var(--muted);font-size:.8rem;margin:6px 0 0}
.legend span{display:inline-flex;align-items:center;gap:5px}
.k{display:inline-block;width:18px;height:0;border-top:2px solid}
.k.value{border-color:var(--value)}.k.path{border-top-style:dashed;border-color:var(--path)}
.k.target{border-top-style:dashed;border-color:var(--target)}
.k.base{width:9px;height:9px;border:2px solid var(--path);border-radius:50%}
.k.req{border-color:var(--target);width:12px;border-top-width:3px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--c);
border-radius:10px;padding:12px 12px 10px;min-width:0}
.card .head{display:flex;align-items:flex-start;gap:8px}
.card .head h3{flex:1}
.id{color:var(--muted);font-weight:600;font-size:.85rem;margin-right:4px}
.unit{color:var(--muted);font-weight:400;font-size:.85rem}
.badge{flex:none;background:var(--c);color:#fff;border-radius:999px;padding:1px 9px;font-size:.8rem;white-space:nowrap}
.facts{margin:4px 0 2px;font-size:.85rem;color:var(--muted)}
.facts b{color:var(--ink)}
.basis{margin:4px 0 0;font-size:.8rem;color:var(--muted)}
svg.chart{display:block;width:100%;height:auto;margin-top:4px}
svg text{font-family:inherit;font-size:10px;fill:var(--muted)}
svg .lbl{font-size:11px;font-weight:600;fill:var(--ink)}
svg .tgt{fill:var(--target);font-weight:600}
svg .halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.c-achieved{--c:var(--achieved)}.c-ahead{--c:var(--ahead)}.c-on_track{--c:var(--on_track)}
.c-behind{--c:var(--behind)}.c-not_yet{--c:var(--not_yet)}.c-no_data{--c:var(--no_data)}
.c-met{--c:var(--met)}.c-missed{--c:var(--missed)}.c-in_error{--c:var(--in_error)}.c-no_requirement{--c:var(--no_requirement)}
h3.theme{margin:14px 0 8px;color:var(--muted);font-size:.95rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;background:var(--card);border:1px solid var(--line);border-radius:10px}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th{background:#f9fafb;font-weight:600;color:var(--muted)}
th:first-child,td:first-child,td.l,th.l{text-align:left}
tr:last-child td{border-bottom:0}
.bars{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:6px 12px;margin-bottom:8px}
.brow{display:grid;grid-template-columns:minmax(120px,220px) 1fr 220px;gap:4px 12px;align-items:center;
padding:5px 0;border-bottom:1px solid var(--line);font-size:.85rem}
.brow:last-child{border-bottom:0}
.bname small,.bnum small{color:var(--muted)}
.bnum{text-align:right;white-space:nowrap}
.bar{display:flex;height:12px;min-width:60px;border-radius:6px;overflow:hidden;background:#eef0f3}
details{margin:4px 0 14px}
summary{cursor:pointer;color:var(--ahead);font-size:.85rem;padding:4px 0}
#projects h3{margin:16px 0 6px}
.bar span{display:block;height:100%}
.s-planned{background:#cbd5e1}.s-preparing{background:#fbbf24}.s-under_construction{background:#60a5fa}
.s-completed{background:#16a34a}.s-suspended{background:#f97316}.s-cancelled{background:#6b7280}
.s-not_reported{background:#eef0f3}
.sw{display:inline-block;width:10px;height:10px;border-radius:2px}
.missing{display:flex;flex-wrap:wrap;gap:8px}
.missing div{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:6px 10px;font-size:.85rem}
.missing small{color:var(--muted)}
footer{color:var(--muted);font-size:.8rem;padding:24px 16px 32px}
.part{font-weight:600;margin:0 0 8px}
.axis{margin:0;font-size:.75rem;color:var(--muted)}
.notes{margin:4px 0 0;font-size:.8rem;color:var(--muted)}
.note{position:relative;display:inline-block;border-bottom:1px dotted var(--target);color:var(--ink);cursor:help;outline:none}
.note .tip{display:none;position:absolute;left:0;bottom:1.6em;z-index:2;width:max-content;max-width:240px;
background:var(--ink);color:#fff;padding:4px 8px;border-radius:6px;font-size:.8rem;white-space:normal}
.note:hover .tip,.note:focus .tip{display:block}
.nodata{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--no_data);border-radius:10px;padding:8px 12px;margin-top:12px}
.nodata h3{color:var(--muted);margin-bottom:4px}
.nodata ul{margin:0;padding:0;list-style:none;columns:300px;column-gap:24px;font-size:.85rem}
.nodata li{break-inside:avoid;padding:2px 0}
.nodata small{color:var(--muted)}
.filter{position:sticky;top:0;z-index:3;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;background:var(--bg);
padding:8px 0;margin:0 0 4px;border-bottom:1px solid var(--line);font-size:.85rem}
.fgroup{display:flex;flex-wrap:wrap;gap:4px;align-items:center}
.fgroup b{margin-right:4px;color:var(--muted);font-weight:600}
.filter input{position:absolute;opacity:0;width:1px;height:1px}
.filter input+label{border:1px solid var(--line);border-radius:999px;padding:2px 10px;background:var(--card);cursor:pointer}
.filter input:checked+label{background:var(--ink);border-color:var(--ink);color:#fff}
.filter input:focus-visible+label{outline:2px solid var(--ahead)}
.filter select{font:inherit;padding:2px 6px;border:1px solid var(--line);border-radius:6px;background:var(--card);max-width:60vw}
@media (max-width:480px){body{font-size:14px}header,main{padding:0 10px}h1{font-size:1.15rem}
.grid{grid-template-columns:1fr}.chip{padding:5px 8px}
.brow{grid-template-columns:1fr auto}.brow .bar{grid-column:1 / -1;grid-row:2}}
"#;

/// Print (A4): each section on a new page, cards whole, the notes written
/// out, nothing to click (the filter, the folded count tables) left out.
const PRINT: &str = r#"
@media print{
@page{size:A4;margin:12mm 10mm}
html,body{background:#fff}
body{font-size:10.5pt}
header,main,footer{max-width:none;padding:0}
.filter,details{display:none!important}
main>section+section{break-before:page}
h2{break-after:avoid}
h3{break-after:avoid}
.card,.brow,.nodata li,tr,.missing div{break-inside:avoid}
.grid{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
.card{border-top-width:3px}
.scroll{overflow:visible;border:0}
th,td{white-space:normal}
.note{border:0;cursor:auto}
.note .tip{display:inline;position:static;background:none;color:var(--ink);padding:0 0 0 4px;font-size:inherit;max-width:none}
.note:after{content:";"}
.chip,.card,.badge,.bar span,.sw,.nodata{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"#;

fn card(out: &mut String, ind: &IndicatorStatus, s: &Status, lang: Lang) {
    let e = &ind.evaluation;
    let c = e.category.code();
    let attr = match ind.attribute {
        Attribute::Binding => "binding",
        Attribute::Expected => "expected",
    };
    let _ = write!(
        out,
        "<article class=\"card c-{c}\" id=\"{id}\" data-id=\"{id}\" data-attribute=\"{attr}\" data-category=\"{c}\" data-department=\"{dept}\">\
         <div class=\"head\"><h3><span class=\"id\">{id}</span>{name}{unit}</h3><span class=\"badge\">{label}</span></div>",
        id = esc(&ind.id),
        name = esc(&ind.name),
        unit = if ind.unit.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"unit\">({})</span>", esc(&ind.unit))
        },
        label = esc(e.label),
        dept = esc(&ind.department),
    );
    let latest = match (e.year, e.value) {
        (Some(y), Some(v)) => {
            // The report's figure as written (its shortest form).
            let mut figure = crate::diagnostics::messages::val(v, &ind.unit);
            if let Some(r) = ind
                .values
                .iter()
                .find(|x| x.year == y)
                .and_then(|x| x.requirement)
            {
                figure.push_str(&S::RequirementLong { figure: num(r) }.text(lang));
            }
            if let Some(id) = (ind.values.iter())
                .find(|x| x.year == y)
                .and_then(|x| x.decision.as_ref())
            {
                figure.push_str(&S::Excepted { id: id.clone() }.text(lang));
            }
            format!("{y}: <b>{}</b>", esc(&figure))
        }
        _ => S::NoValueYet.text(lang),
    };
    let baseline = baseline_cell(ind);
    let baseline = if ind.baseline.is_none()
        && ind.baseline_text.as_deref() == Some(ind.target_text.as_str())
    {
        String::new()
    } else if baseline == "—" {
        S::NoBaseline.text(lang)
    } else {
        S::Baseline {
            text: esc(&baseline),
            when: baseline_when(ind, lang),
        }
        .text(lang)
    };
    let _ = write!(
        out,
        "<p class=\"facts\">{latest} · {} <b>{}</b>{baseline} · {}</p>",
        S::Target.text(lang),
        esc(&target_cell(ind, s.plan.period.end)),
        esc(&ind.department_name)
    );
    let broken = chart(out, ind, &s.plan.period, s.period, lang);
    if let Some(from) = broken {
        let note = S::AxisFrom { figure: fig(from) }.text(lang);
        let _ = write!(out, "<p class=\"axis\">{}</p>", esc(&note));
    }
    notes(out, ind, lang);
    let _ = write!(
        out,
        "<p class=\"basis\">{}</p></article>",
        esc(&basis(ind, s.period, s.plan.period.end, lang))
    );
}

fn bar(c: &ProjectCounts) -> String {
    let mut out = String::from("<div class=\"bar\">");
    if c.total > 0 {
        for st in STATUS_ORDER {
            let n = c.get(st);
            if n > 0 {
                let _ = write!(
                    out,
                    "<span class=\"s-{}\" style=\"width:{:.2}%\"></span>",
                    st.as_str(),
                    n as f64 / c.total as f64 * 100.0
                );
            }
        }
    }
    out.push_str("</div>");
    out
}

/// One group of projects: its name, a bar of its projects by status, completion.
fn bar_row(out: &mut String, name: &str, c: &ProjectCounts, lang: Lang) {
    let _ = write!(
        out,
        "<div class=\"brow\"><span class=\"bname\">{name}</span>{}<span class=\"bnum\">{}{}</span></div>",
        bar(c),
        S::CompletedBar {
            rate: c.completion_rate.map(pct).unwrap_or_else(|| "—".into()),
            completed: c.completed,
            of: c.total - c.cancelled,
            reported: c.reported,
        }
        .text(lang),
        if c.planned_total > 0.0 || c.completed_to_date > 0.0 {
            let investment = S::Investment {
                completed: investment(c.completed_to_date, c.investment_unreported, lang),
                planned: investment(c.planned_total, c.investment_unreported, lang),
            };
            format!("<br><small>{}</small>", esc(&investment.text(lang)))
        } else {
            String::new()
        }
    );
}

fn counts_row(out: &mut String, first: &str, second: &str, c: &ProjectCounts, lang: Lang) {
    let _ = write!(
        out,
        "<tr><td>{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td>",
        first, second, c.total, c.reported
    );
    for st in STATUS_ORDER {
        let _ = write!(out, "<td>{}</td>", c.get(st));
    }
    let _ = write!(
        out,
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        c.not_reported,
        c.completion_rate.map(pct).unwrap_or_else(|| "—".into()),
        c.lagging,
        investment(c.planned_total, c.investment_unreported, lang),
        investment(c.completed_to_date, c.investment_unreported, lang)
    );
}

fn counts_table(out: &mut String, first: &str, second: &str, lang: Lang) {
    let _ = write!(
        out,
        "<div class=\"scroll\"><table><thead><tr><th class=\"l\">{first}</th><th class=\"l\">{second}</th><th>{}</th><th>{}</th>",
        S::Projects.text(lang),
        S::Reported.text(lang)
    );
    for st in STATUS_ORDER {
        let _ = write!(out, "<th>{}</th>", status_heading(st, lang));
    }
    let _ = write!(
        out,
        "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        S::NotReported.text(lang),
        S::Completion.text(lang),
        S::Heading(Header::Lagging).text(lang),
        S::Heading(Header::PlannedTotal).text(lang),
        S::Heading(Header::CompletedToDate).text(lang)
    );
}

/// Suspended, cancelled and lagging projects, by column then department.
fn attention_section(out: &mut String, s: &Status, lang: Lang) {
    let rows = attention(s);
    let _ = write!(
        out,
        "<h3>{}</h3><p class=\"sub\">{}</p>",
        esc(&S::AttentionHeading.text(lang)),
        esc(&attention_sentence(s, rows.len(), lang))
    );
    if rows.is_empty() {
        return;
    }
    out.push_str("<div class=\"scroll\"><table class=\"attention\"><thead><tr>");
    // Text to the left, figures to the right.
    let align = |i: usize| {
        if (1..4).contains(&i) {
            " class=\"l\""
        } else {
            ""
        }
    };
    for (i, h) in attention_headings(lang).iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", align(i), esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for p in rows {
        let _ = write!(out, "<tr data-department=\"{}\">", esc(&p.department));
        for (i, c) in attention_cells(p, lang).iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", align(i), esc(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

pub fn render(s: &Status, lang: Lang) -> String {
    let pp = s.plan.period;
    // About 7.5 KB a card (the chart most of it): the 38 MB page of 5,000
    // indicators is made without copying it again and again as it grows.
    let mut out = String::with_capacity(400_000 + 8_000 * s.indicators.len());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}{PRINT}{}</style>\n</head>\n<body>\n",
        esc(&match s.stage {
            Stage::MidTerm => S::PageTitle {
                period: s.period,
                name: s.plan.name.clone()
            }
            .text(lang),
            Stage::Final => title(s, lang),
        }),
        filter_css(s)
    );
    let _ = write!(
        out,
        "<header><h1>{}</h1><p class=\"sub\">{}</p><p class=\"sub\">{}</p>",
        esc(&match s.stage {
            Stage::MidTerm => s.plan.name.clone(),
            Stage::Final => title(s, lang),
        }),
        S::AsOf {
            period: s.period,
            id: esc(&s.plan.id),
            start: pp.start,
            end: pp.end,
            baseline_year: pp.baseline_year,
            files: s.reports.files,
            root: esc(&s.data_root),
        }
        .text(lang),
        esc(&judgement_sentence(s, lang)).replace('`', "")
    );
    if let Some(d) = &s.department {
        let part = S::DepartmentPart {
            name: d.name.clone(),
            code: d.code.clone(),
        };
        let _ = write!(out, "<p class=\"part\">{}</p>", esc(&part.text(lang)));
    }
    out.push_str("<div class=\"chips\">");
    for &c in s.stage.categories() {
        let _ = write!(
            out,
            "<span class=\"chip c-{}\"><span>{}</span><b>{}</b><small>{}</small></span>",
            c.code(),
            c.label(),
            s.summary.all.get(c),
            S::BindingCount {
                count: s.summary.binding.get(c)
            }
            .text(lang)
        );
    }
    out.push_str("</div>");
    let _ = write!(
        out,
        "<p class=\"legend\"><span><i class=\"k value\"></i>{}</span>\
         <span><i class=\"k base\"></i>{}</span>\
         <span><i class=\"k path\"></i>{}</span>\
         <span><i class=\"k target\"></i>{}</span>\
         <span><i class=\"k req\"></i>{}</span></p></header>\n<main>\n",
        S::LegendReported.text(lang),
        S::LegendBaseline.text(lang),
        S::LegendPath.text(lang),
        S::LegendTarget.text(lang),
        S::LegendRequirement.text(lang)
    );
    filter(&mut out, s, lang);
    for (attr, title, anchor) in [
        (Attribute::Binding, S::BindingSection, "binding"),
        (Attribute::Expected, S::ExpectedSection, "expected"),
    ] {
        let rows: Vec<&IndicatorStatus> = s
            .indicators
            .iter()
            .filter(|i| i.attribute == attr)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let title = title.text(lang);
        let _ = write!(
            out,
            "<section id=\"{anchor}\"><h2>{title} ({})</h2>",
            rows.len()
        );
        for (theme, rows) in themes(s, &rows) {
            // A group the filter empties is hidden whole, its heading too.
            out.push_str("<div class=\"group\">");
            if let Some(theme) = theme {
                let _ = write!(out, "<h3 class=\"theme\">{}</h3>", esc(theme));
            }
            out.push_str("<div class=\"grid\">");
            // The cards (a chart each, most of the page) are written at the
            // same time, each on its own, and joined in order.
            let cards: Vec<String> = (rows.par_iter())
                .filter(|i| has_data(i))
                .map(|ind| {
                    let mut c = String::with_capacity(8_000);
                    card(&mut c, ind, s, lang);
                    c
                })
                .collect();
            for c in &cards {
                out.push_str(c);
            }
            out.push_str("</div></div>");
        }
        // Indicators without a figure: one list, not a grid of empty charts.
        let empty: Vec<&IndicatorStatus> = rows.iter().copied().filter(|i| !has_data(i)).collect();
        if !empty.is_empty() {
            let _ = write!(
                out,
                "<div class=\"group nodata\"><h3>{}</h3><ul>",
                esc(&S::NoDataList { count: empty.len() }.text(lang))
            );
            for ind in empty {
                let _ = write!(
                    out,
                    "<li id=\"{id}\" data-id=\"{id}\" data-category=\"{c}\" data-department=\"{dept}\"><span class=\"id\">{id}</span>{name} <small>{target} · {dname}</small></li>",
                    id = esc(&ind.id),
                    c = ind.evaluation.category.code(),
                    dept = esc(&ind.department),
                    name = esc(&ind.name),
                    target = esc(&target_cell(ind, pp.end)),
                    dname = esc(&ind.department_name),
                );
            }
            out.push_str("</ul></div>");
        }
        out.push_str("</section>\n");
    }

    departments_section(&mut out, s, lang);
    let p = &s.projects;
    let _ = write!(
        out,
        "<section id=\"projects\"><h2>{}</h2><p class=\"sub\">{}</p><p class=\"legend\">",
        S::KeyProjectsSection.text(lang),
        projects_sentence(s, lang)
    );
    for st in STATUS_ORDER {
        let _ = write!(
            out,
            "<span><i class=\"sw s-{}\"></i>{}</span>",
            st.as_str(),
            status_heading(st, lang)
        );
    }
    let _ = write!(
        out,
        "<span><i class=\"sw s-not_reported\" style=\"outline:1px solid #d1d5db\"></i>{}</span></p>",
        S::NotReported.text(lang)
    );
    let all = format!("<b>{}</b>", S::All.text(lang));
    let _ = write!(
        out,
        "<h3>{}</h3><div class=\"bars\">",
        S::ByColumn.text(lang)
    );
    for c in &p.by_column {
        bar_row(
            &mut out,
            &format!("{} <small>{}</small>", esc(&c.column), esc(&c.column_title)),
            &c.counts,
            lang,
        );
    }
    bar_row(&mut out, &all, &p.all, lang);
    let _ = write!(
        out,
        "</div><details><summary>{}</summary>",
        S::CountsByColumn.text(lang)
    );
    let columns = S::ColumnColumns.text(lang);
    let (first, second) = columns.split_once(" | ").unwrap_or(("#", ""));
    counts_table(&mut out, first, second, lang);
    for c in &p.by_column {
        counts_row(
            &mut out,
            &c.column_ordinal.to_string(),
            &esc(&column_name(&c.column, &c.column_title)),
            &c.counts,
            lang,
        );
    }
    counts_row(&mut out, "", &all, &p.all, lang);
    let _ = write!(
        out,
        "</tbody></table></div></details><h3>{}</h3><div class=\"bars\">",
        S::ByDepartment.text(lang)
    );
    for d in &p.by_department {
        bar_row(
            &mut out,
            &format!("{} <small>{}</small>", esc(&d.name), esc(&d.department)),
            &d.counts,
            lang,
        );
    }
    let _ = write!(
        out,
        "</div><details><summary>{}</summary>",
        S::CountsByDepartment.text(lang)
    );
    let columns = S::DepartmentColumns.text(lang);
    let (first, second) = columns.split_once(" | ").unwrap_or_default();
    counts_table(&mut out, first, second, lang);
    for d in &p.by_department {
        counts_row(
            &mut out,
            &esc(&d.name),
            &esc(&d.department),
            &d.counts,
            lang,
        );
    }
    out.push_str("</tbody></table></div></details>");
    attention_section(&mut out, s, lang);
    out.push_str("</section>\n");

    let heading = S::MissingHeading {
        start: pp.start,
        period: s.period,
    }
    .text(lang);
    let _ = write!(out, "<section id=\"missing\"><h2>{heading}</h2>");
    if s.reports.missing.is_empty() {
        let _ = write!(
            out,
            "<p>{}</p>",
            S::AllReported {
                departments: s.reports.departments
            }
            .text(lang)
        );
    } else {
        let _ = write!(
            out,
            "<p class=\"sub\">{}</p><div class=\"missing\">",
            S::SomeMissing {
                missing: s.reports.missing.len(),
                departments: s.reports.departments
            }
            .text(lang)
        );
        for m in &s.reports.missing {
            let years: Vec<String> = m.periods.iter().map(i32::to_string).collect();
            let _ = write!(
                out,
                "<div>{} <small>{}</small><br><b>{}</b></div>",
                esc(&m.name),
                esc(&m.department),
                years.join(", ")
            );
        }
        out.push_str("</div>");
    }
    if !s.reports.unreadable.is_empty() {
        let _ = write!(
            out,
            "<p class=\"sub\">{}</p><ul>",
            code_tags(&esc(&S::Unreadable.text(lang)))
        );
        for f in &s.reports.unreadable {
            let _ = write!(out, "<li><code>{}</code></li>", esc(f));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
    if !s.confirmations.is_empty() {
        let _ = write!(
            out,
            "<section id=\"confirmations\"><h2>{}</h2><div class=\"scroll\"><table><thead><tr>",
            esc(&S::ConfirmationsHeading { year: s.period }.text(lang))
        );
        for h in S::ConfirmationsHeader
            .text(lang)
            .trim_matches('|')
            .split('|')
        {
            let _ = write!(out, "<th>{}</th>", esc(h.trim()));
        }
        out.push_str("</tr></thead><tbody>");
        for c in &s.confirmations {
            let _ = write!(
                out,
                "<tr><td>{} (<code>{}</code>)</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                esc(&c.name),
                esc(&c.id),
                esc(&crate::diagnostics::messages::val(c.value, &c.unit)),
                esc(&c.reason),
                esc(c.file.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</tbody></table></div></section>\n");
    }
    let _ = write!(
        out,
        "<section id=\"decisions\"><h2>{}</h2>",
        esc(&S::DecisionsHeading.text(lang))
    );
    if s.decisions.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(&S::DecisionsNone.text(lang)));
    } else {
        out.push_str("<div class=\"scroll\"><table><thead><tr>");
        let header = S::DecisionsHeader.text(lang);
        for h in header.trim_matches('|').split('|') {
            let _ = write!(out, "<th>{}</th>", esc(h.trim()));
        }
        out.push_str("</tr></thead><tbody>");
        let unit_of = super::wording::units(s);
        for d in &s.decisions {
            let (report, what) = super::wording::decision_cells(d, &unit_of, lang);
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&d.id),
                esc(&report),
                esc(&what),
                esc(d.reason.as_deref().unwrap_or("")),
                esc(&d.approved_by),
                esc(&d.date)
            );
        }
        out.push_str("</tbody></table></div>");
    }
    out.push_str("</section>\n</main>\n");
    let _ = write!(
        out,
        "<footer>{}</footer>\n</body>\n</html>\n",
        esc(&S::Footer {
            version: s.tool.version.to_string(),
            plan: s.plan.id.clone(),
            sha: s.plan.sha256.chars().take(12).collect(),
        }
        .text(lang))
    );
    out
}

/// Each responsible department's part: its indicators by category, its
/// projects, the years it has not reported; a row each, `id="dept-CODE"`.
fn departments_section(out: &mut String, s: &Status, lang: Lang) {
    if s.departments.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"departments\"><h2>{}</h2><div class=\"scroll\"><table><thead><tr>",
        esc(&S::DepartmentsSection.text(lang))
    );
    let header = S::DepartmentsHeader.text(lang);
    let mut heads: Vec<String> = (header.trim_matches('|').split('|'))
        .map(|h| h.trim().to_string())
        .collect();
    heads.extend(department_headings(s, lang));
    for (i, h) in heads.iter().enumerate() {
        let class = if i < 2 || i == heads.len() - 1 {
            " class=\"l\""
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for d in &s.departments {
        let _ = write!(
            out,
            "<tr id=\"dept-{code}\" data-department=\"{code}\"><td>{}</td><td class=\"l\">{code}</td><td>{}</td>",
            esc(&d.name),
            d.indicators,
            code = esc(&d.department)
        );
        let cells = department_cells(s, d);
        for (i, c) in cells.iter().enumerate() {
            let class = if i == cells.len() - 1 {
                " class=\"l\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", esc(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></section>\n");
}

/// Markdown's `code` as HTML: `<code>code</code>`.
fn code_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::chart::*;
    use super::*;

    #[test]
    fn ticks_cover_the_figures_with_nice_steps() {
        let pct = [Some(0.0), Some(100.0)];
        let free = [None, None];
        assert_eq!(
            y_ticks(&[96.48, 98.0, 97.6], pct),
            vec![96.0, 96.5, 97.0, 97.5, 98.0, 98.5]
        );
        // A share never gets an axis above 100%.
        assert_eq!(
            y_ticks(&[100.0, 100.0], pct),
            vec![95.0, 96.0, 97.0, 98.0, 99.0, 100.0]
        );
        assert_eq!(
            y_ticks(&[100.0, 100.0], free),
            vec![94.0, 96.0, 98.0, 100.0, 102.0, 104.0, 106.0]
        );
        assert_eq!(
            y_ticks(&[0.0, 20000.0], [Some(0.0), None]),
            vec![0.0, 5000.0, 10000.0, 15000.0, 20000.0, 25000.0]
        );
        assert_eq!(y_ticks(&[], free), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }

    #[test]
    fn coordinates_are_written_as_format_writes_them() {
        // Ties and near-ties of every kind (0.25, 0.35, 1.05: halves exact
        // or not in binary), negatives and negative zero, the chart's own
        // coordinates, large figures and what is not finite.
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            -0.04,
            0.25,
            0.35,
            1.05,
            2.5,
            -2.45,
            44.999_999_9,
            1e9,
            1e12 + 0.05,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..200_000u32 {
            values.push(f64::from(i) / 1000.0 - 50.0);
            values.push(f64::from(i) * 0.05);
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push((x >> 11) as f64 / (1u64 << 53) as f64 * 400.0 - 100.0);
        }
        for v in values {
            assert_eq!(Fixed1(v).to_string(), format!("{v:.1}"), "{v:e}");
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(esc("城镇化率 97.5%"), "城镇化率 97.5%");
    }
}

//! The dashboard's charts: one SVG per indicator — its figures, the plan's
//! path or bound, the axis and its ticks (broken where the figures sit far
//! from zero).

use super::*;

/// The chart's drawing area in SVG units.
pub(super) const W: f64 = 320.0;
pub(super) const H: f64 = 168.0;
pub(super) const LEFT: f64 = 40.0;
pub(super) const RIGHT: f64 = 14.0;
pub(super) const TOP: f64 = 22.0;
pub(super) const BOTTOM: f64 = 22.0;
pub(super) const INSET: f64 = 8.0;

/// A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) of about a fifth of `span`.
pub(super) fn nice_step(span: f64) -> f64 {
    let raw = (span / 5.0).max(f64::MIN_POSITIVE);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// The y axis: its ticks, covering every figure drawn, within the
/// indicator's plausible range where the figures are (no axis above 100%).
pub(super) fn y_ticks(points: &[f64], range: [Option<f64>; 2]) -> Vec<f64> {
    let lo = points.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = points.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (data_lo, data_hi) = (lo, hi);
    let (lo, hi) = if !lo.is_finite() || !hi.is_finite() {
        (0.0, 1.0)
    } else if (hi - lo).abs() < 1e-9 {
        let pad = (hi.abs() * 0.05).max(1.0);
        (lo - pad, hi + pad)
    } else {
        // A little room so that no figure sits on the frame.
        let pad = (hi - lo) * 0.06;
        (lo - pad, hi + pad)
    };
    let lo = match range[0] {
        Some(min) if data_lo >= min => lo.max(min),
        _ => lo,
    };
    let hi = match range[1] {
        Some(max) if data_hi <= max => hi.min(max),
        _ => hi,
    };
    let step = nice_step(hi - lo);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let n = ((end - start) / step).round() as i64;
    (0..=n.clamp(1, 12))
        .map(|i| {
            let t = start + step * i as f64;
            (t * 1e9).round() / 1e9
        })
        .collect()
}

/// A figure short enough for an axis: 250000 → 25万.
pub(super) fn tick_label(v: f64) -> String {
    let a = v.abs();
    if a >= 100_000.0 {
        let w = v / 10_000.0;
        format!("{}万", fig(w))
    } else {
        fig(v)
    }
}

/// A coordinate as `{:.1}` writes it, without the cost of the general
/// exact formatting (five thousand charts write about 300,000 of them): the
/// figure times ten, rounded to the nearest integer where that rounding is
/// certain; `{:.1}` itself where the product is too close to a tie (half way
/// between two tenths) to be sure, or too large, or not finite.
#[derive(Clone, Copy)]
pub(super) struct Fixed1(pub(super) f64);

impl std::fmt::Display for Fixed1 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        // The product's rounding error is at most 1e9 × 2⁻⁵³ ≈ 1.1e-7, far
        // inside the margin kept around a tie.
        let t = v.abs() * 10.0;
        if !t.is_finite() || t >= 1e9 {
            return write!(f, "{v:.1}");
        }
        let whole = t.floor();
        let frac = t - whole;
        if (frac - 0.5).abs() < 1e-6 {
            return write!(f, "{v:.1}");
        }
        let mut tenths = whole as u64 + u64::from(frac > 0.5);
        // Written from the end: the tenth, the point, the whole part's
        // digits, and the sign `{:.1}` keeps on a negative figure that
        // rounds to zero.
        let mut buf = [0u8; 24];
        let mut at = buf.len() - 2;
        buf[at..].copy_from_slice(&[b'.', b'0' + (tenths % 10) as u8]);
        tenths /= 10;
        loop {
            at -= 1;
            buf[at] = b'0' + (tenths % 10) as u8;
            tenths /= 10;
            if tenths == 0 {
                break;
            }
        }
        if v.is_sign_negative() {
            at -= 1;
            buf[at] = b'-';
        }
        f.write_str(std::str::from_utf8(&buf[at..]).map_err(|_| std::fmt::Error)?)
    }
}

/// Everything one chart draws, in data coordinates.
pub(super) struct Series {
    /// (year, value, missed the bound or requirement).
    pub(super) values: Vec<(i32, f64, bool)>,
    pub(super) baseline: Option<(i32, f64)>,
    /// The evaluation line from its start to the target.
    pub(super) path: Option<((i32, f64), (i32, f64))>,
    pub(super) target: Option<(i32, f64)>,
    pub(super) requirements: Vec<(i32, f64)>,
}

pub(super) fn series(ind: &IndicatorStatus, plan: &Period) -> Series {
    let m = ind.evaluation.method;
    let values = ind
        .values
        .iter()
        .filter_map(|y| Some((y.year, y.value?, y.met == Some(false))))
        .collect();
    let baseline = ind
        .baseline
        .filter(|_| m != Method::ProRata && m != Method::Qualitative)
        .map(|b| (ind.baseline_year, b));
    let target = ind.target.map(|t| (ind.target_year, t));
    let path = match (m, ind.target) {
        (Method::Path, Some(t)) => ind
            .baseline
            .map(|b| ((ind.baseline_year, b), (ind.target_year, t))),
        (Method::ProRata, Some(t)) => Some(((plan.start - 1, 0.0), (ind.target_year, t))),
        _ => None,
    };
    let requirements = ind
        .values
        .iter()
        .filter_map(|y| Some((y.year, y.requirement?)))
        .collect();
    Series {
        values,
        baseline,
        path,
        target,
        requirements,
    }
}

/// Where a chart's y axis starts when it does not start at zero (every
/// figure drawn is above zero, or below it): the figure its lowest (or
/// highest) tick shows, which the card says in words beside the break mark.
pub fn axis_break(ticks: &[f64]) -> Option<f64> {
    let (lo, hi) = (*ticks.first()?, *ticks.last()?);
    if lo > 0.0 {
        Some(lo)
    } else if hi < 0.0 {
        Some(hi)
    } else {
        None
    }
}

/// One indicator's chart: baseline, reported values, the path to the
/// target, the target; with where its y axis starts when that is not zero.
pub fn chart(
    out: &mut String,
    ind: &IndicatorStatus,
    plan: &Period,
    period: i32,
    lang: Lang,
) -> Option<f64> {
    let s = series(ind, plan);
    let x0 = plan.baseline_year.min(plan.start - 1);
    let x1 = ind.target_year.max(plan.end).max(period);
    let mut ys: Vec<f64> = s.values.iter().map(|v| v.1).collect();
    ys.extend(s.baseline.map(|b| b.1));
    ys.extend(s.target.map(|t| t.1));
    if let Some((a, b)) = s.path {
        ys.push(a.1);
        ys.push(b.1);
    }
    ys.extend(s.requirements.iter().map(|r| r.1));
    let ticks = y_ticks(&ys, ind.range);
    let (y_lo, y_hi) = (ticks[0], ticks[ticks.len() - 1]);
    // Years sit a little inside the frame, so that a mark at the first year
    // stays clear of the y labels.
    let px = |year: f64| {
        LEFT + INSET + (year - x0 as f64) / ((x1 - x0).max(1) as f64) * (W - LEFT - RIGHT - INSET)
    };
    let py = |v: f64| TOP + (y_hi - v) / (y_hi - y_lo).max(f64::MIN_POSITIVE) * (H - TOP - BOTTOM);
    let f = Fixed1;

    let e = &ind.evaluation;
    let mut aria = format!("{} {}: {}", ind.id, ind.name, e.label);
    for (y, v, _) in &s.values {
        let _ = write!(aria, "; {y}: {}", num(*v));
    }
    if let Some(t) = ind.target {
        aria.push_str(
            &S::AriaTarget {
                figure: fig(t),
                year: ind.target_year,
            }
            .text(lang),
        );
    }
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\" data-id=\"{}\">",
        esc(&aria),
        esc(&ind.id)
    );
    let _ = write!(out, "<title>{}</title>", esc(&aria));
    // Grid and y labels.
    for t in &ticks {
        let y = py(*t);
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#eef0f3\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            f(LEFT),
            f(y),
            f(W - RIGHT),
            f(y),
            f(LEFT - 5.0),
            f(y + 3.5),
            esc(&tick_label(*t))
        );
    }
    // An axis that does not start at zero is broken, and shows it: two
    // slanted strokes across the y axis next to its first tick.
    let broken = axis_break(&ticks);
    if let Some(from) = broken {
        let y = if from > 0.0 { H - BOTTOM } else { TOP };
        let _ = write!(
            out,
            "<path class=\"axis-break\" d=\"M{x0} {a}l8 -4M{x0} {b}l8 -4\" stroke=\"#6b7280\" stroke-width=\"1.3\" fill=\"none\"/>\
             <line x1=\"{x1}\" y1=\"{top}\" x2=\"{x1}\" y2=\"{bottom}\" stroke=\"#d1d5db\"/>",
            x0 = f(LEFT - 4.0),
            a = f(y - 1.0),
            b = f(y - 5.0),
            x1 = f(LEFT),
            top = f(TOP),
            bottom = f(H - BOTTOM),
        );
    }
    // The plan period, shaded, and the status year.
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2563eb\" fill-opacity=\"0.04\"/>",
        f(px(plan.start as f64 - 0.5)),
        f(TOP),
        f(px(plan.end as f64 + 0.5).min(W - RIGHT) - px(plan.start as f64 - 0.5)),
        f(H - TOP - BOTTOM)
    );
    let _ = write!(
        out,
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#9ca3af\" stroke-dasharray=\"2 3\"/>",
        f(px(period as f64)),
        f(TOP),
        f(H - BOTTOM)
    );
    // X labels: at most about seven, always the first and last year.
    let span = x1 - x0;
    let every = ((span as f64) / 6.0).ceil().max(1.0) as i32;
    for year in x0..=x1 {
        let on_step = (year - x0) % every == 0 && x1 - year >= (every + 1) / 2;
        if !(on_step || year == x1) {
            continue;
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            f(px(year as f64)),
            f(H - 6.0),
            year
        );
    }
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d1d5db\"/>",
        f(LEFT),
        f(H - BOTTOM),
        f(W - RIGHT),
        f(H - BOTTOM)
    );
    // Target: a dashed line across, a diamond at its year, its figure.
    if let Some((ty, t)) = s.target {
        let y = py(t);
        let _ = write!(
            out,
            "<line class=\"target\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d97706\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>",
            f(LEFT),
            f(y),
            f(W - RIGHT),
            f(y)
        );
        let (cx, cy) = (px(ty as f64), y);
        let _ = write!(
            out,
            "<path d=\"M{} {}l5 5l-5 5l-5 -5z\" fill=\"#d97706\"/>",
            f(cx),
            f(cy - 5.0)
        );
        let _ = write!(
            out,
            "<text class=\"tgt halo\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            f(cx - 7.0),
            f(cy - 6.0),
            esc(&S::ChartTarget {
                figure: tick_label(t)
            }
            .text(lang))
        );
    }
    // The path from its start to the target.
    if let Some(((ax, ay), (bx, by))) = s.path {
        let _ = write!(
            out,
            "<line class=\"path\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#6b7280\" stroke-width=\"1.3\" stroke-dasharray=\"4 3\"/>",
            f(px(ax as f64)),
            f(py(ay)),
            f(px(bx as f64)),
            f(py(by))
        );
    }
    // Each year's requirement (qualitative targets).
    for (y, r) in &s.requirements {
        let _ = write!(
            out,
            "<line class=\"req\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d97706\" stroke-width=\"3\" stroke-linecap=\"round\"/>",
            f(px(*y as f64) - 7.0),
            f(py(*r)),
            f(px(*y as f64) + 7.0),
            f(py(*r))
        );
    }
    // Baseline: a hollow circle at the baseline year.
    if let Some((by, b)) = s.baseline {
        let _ = write!(
            out,
            "<circle class=\"baseline\" cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#fff\" stroke=\"#6b7280\" stroke-width=\"1.8\"/>",
            f(px(by as f64)),
            f(py(b))
        );
        // The baseline and the reported values can join up: the line starts at the baseline.
    }
    // Reported values: a line from the baseline (when it is a level) through each year.
    let mut pts: Vec<(f64, f64)> = Vec::new();
    if matches!(ind.evaluation.method, Method::Path | Method::Bound)
        && ind.baseline_kind == crate::model::plan::BaselineKind::Level
    {
        if let Some((by, b)) = s.baseline {
            pts.push((px(by as f64), py(b)));
        }
    }
    pts.extend(s.values.iter().map(|(y, v, _)| (px(*y as f64), py(*v))));
    if pts.len() > 1 {
        out.push_str("<polyline class=\"values\" points=\"");
        for (i, (x, y)) in pts.iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            let _ = write!(out, "{sep}{},{}", f(*x), f(*y));
        }
        out.push_str(
            "\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\" stroke-linejoin=\"round\"/>",
        );
    }
    for (y, v, missed) in &s.values {
        // A value the department wrote a note on: a ring around it, the note on hover.
        let note = (ind.values.iter())
            .find(|x| x.year == *y)
            .and_then(|x| x.note.as_deref());
        let _ = write!(
            out,
            "<circle class=\"value\" cx=\"{}\" cy=\"{}\" r=\"3.6\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\">",
            f(px(*y as f64)),
            f(py(*v)),
            if *missed { "#dc2626" } else { "#1d4ed8" },
            if note.is_some() { "#d97706" } else { "#fff" },
            if note.is_some() { "2" } else { "1" }
        );
        if let Some(n) = note {
            let _ = write!(out, "<title>{y}: {} — {}</title>", num(*v), esc(n));
        }
        out.push_str("</circle>");
    }
    // The latest value, labelled.
    if let Some((y, v, _)) = s.values.last() {
        let (cx, cy) = (px(*y as f64), py(*v));
        let above = cy - TOP > 16.0;
        // Near the right edge the label ends at the point, so that it is not cut off.
        let (x, anchor) = if cx > W - RIGHT - 24.0 {
            (cx + 4.0, "end")
        } else {
            (cx, "middle")
        };
        let _ = write!(
            out,
            "<text class=\"lbl halo\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            f(x),
            f(if above { cy - 7.0 } else { cy + 15.0 }),
            esc(&tick_label(*v))
        );
    }
    if s.values.is_empty() {
        let _ = write!(
            out,
            "<text class=\"halo\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            f((LEFT + W - RIGHT) / 2.0),
            f((TOP + H - BOTTOM) / 2.0 + 4.0),
            S::NoValueReportedYet.text(lang)
        );
    }
    out.push_str("</svg>");
    broken
}

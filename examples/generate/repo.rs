//! A deterministic generator of realistic data repositories: yearly progress
//! reports of the plan's departments, with a chosen share of planted findings.
//!
//! Shared by `examples/generate/main.rs` (the command line), the benches and
//! the tests (`#[path]`-included), so that all three measure the same files.
//!
//! One district has only departments × years distinct reports (the built-in
//! plan: about 130). Past that, the generator writes a synthetic plan: copies
//! of the built-in catalog as further districts, each department, indicator
//! and project suffixed with its district number, so that every report is
//! distinct, and every report is valid unless a finding was planted in it.
//! Values follow the catalog: level indicators move along or ahead of their
//! path and never regress, bounds hold, growth rates beat their targets,
//! running totals grow, qualitative targets meet the requirement the register
//! (decisions/) records and repeat it, and
//! projects go planned → preparing → under construction → completed with
//! progress, investment and dates to match.

#![allow(dead_code)]

use plan_lint::model::plan::{
    BaselineKind, Comparison, Direction, Indicator, IndicatorKind, Plan, Project, TargetIs,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The id of the synthetic plan written for large repositories.
pub const SYNTHETIC_ID: &str = "synthetic-districts-fyp";
/// The date runs over generated data use as today.
pub const TODAY: &str = "2026-06-30";

#[derive(Clone, Debug)]
pub struct Options {
    /// How many report files.
    pub reports: usize,
    /// Share of reports (0..=1) with one planted finding.
    pub findings: f64,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            reports: 1000,
            findings: 0.0,
            seed: 14,
        }
    }
}

/// SplitMix64: small, fast and the same on every platform.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// A generator for one thing, independent of the order things are made in.
    pub fn for_key(seed: u64, parts: &[&str]) -> Self {
        let mut h = seed ^ 0x9e37_79b9_7f4a_7c15;
        for p in parts {
            for b in p.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
            h = h.rotate_left(17) ^ 0xff;
        }
        Rng(h)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f64()
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The findings the generator can plant, by the code each must produce: the
/// codes declared `Plantable` (`plan_lint::model::code`), in code order.
pub fn plantable() -> Vec<&'static str> {
    use plan_lint::model::code::{Code, Property};
    Code::all()
        .filter(|c| c.has(Property::Plantable))
        .map(Code::as_str)
        .collect()
}

/// One report to write: which district (0 is the built-in plan), department and year.
#[derive(Clone, Debug)]
pub struct Spec {
    pub district: usize,
    pub department: String,
    pub year: i32,
    /// The code of the finding planted in it, if any.
    pub planted: Option<&'static str>,
}

/// What a repository holds: its reports and, when one district is not enough, the synthetic plan.
pub struct Layout {
    pub specs: Vec<Spec>,
    /// Districts beyond the built-in one (the synthetic plan's copies).
    pub districts: usize,
}

/// Departments that report: those responsible for an indicator or a project.
pub fn reporting_departments(plan: &Plan) -> Vec<String> {
    plan.departments
        .iter()
        .filter(|d| {
            plan.indicators_of(&d.code).next().is_some()
                || plan.projects_of(&d.code).next().is_some()
        })
        .map(|d| d.code.clone())
        .collect()
}

/// Which reports a repository of `opts.reports` files holds: each department's
/// years in order, district after district.
pub fn layout(plan: &Plan, opts: &Options) -> Layout {
    let depts = reporting_departments(plan);
    let years: Vec<i32> = (plan.header.period.start..=plan.header.period.end).collect();
    let per_district = depts.len() * years.len();
    let districts = opts.reports.div_ceil(per_district).saturating_sub(1);
    let mut rng = Rng::new(opts.seed ^ 0x5eed);
    let plantable = plantable();
    let mut specs = Vec::with_capacity(opts.reports);
    'all: for district in 0..=districts {
        for d in &depts {
            let mut before: Option<&'static str> = None;
            for &year in &years {
                if specs.len() == opts.reports {
                    break 'all;
                }
                let mut planted = (rng.f64() < opts.findings).then(|| *rng.pick(&plantable));
                // A finding against last year needs last year's report to load.
                if before == Some("PL001") && matches!(planted, Some("PL201" | "PL302")) {
                    planted = Some("PL101");
                }
                before = planted;
                specs.push(Spec {
                    district,
                    department: d.clone(),
                    year,
                    planted,
                });
            }
        }
    }
    Layout { specs, districts }
}

/// The suffix that makes a district's codes and ids distinct.
fn suffix(district: usize) -> String {
    if district == 0 {
        String::new()
    } else {
        format!("-{district:04}")
    }
}

pub fn plan_id(district: usize) -> &'static str {
    if district == 0 {
        plan_lint::model::plan::BUILTIN_ID
    } else {
        SYNTHETIC_ID
    }
}

/// The path of a report relative to the repository root.
pub fn report_path(spec: &Spec) -> String {
    format!(
        "progress/{}/{}{}.yaml",
        spec.year,
        spec.department,
        suffix(spec.district)
    )
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A number as a clerk writes it: at most two decimals, no trailing zeros.
fn num(v: f64) -> String {
    let v = round2(v);
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// The requirement the plan office records for a qualitative indicator of
/// a district in a year: met by the district's value by the target's
/// comparison (a reduction at least it, a growth above it, a rank at most it).
pub fn requirement_value(
    plan: &Plan,
    ind: &Indicator,
    district: usize,
    seed: u64,
    year: i32,
) -> f64 {
    let margin = match ind.comparison {
        Comparison::AtMost | Comparison::LessThan => 0.1,
        Comparison::AtLeast | Comparison::MoreThan | Comparison::About => -0.1,
    };
    round2(indicator_value(plan, ind, district, seed, year) + margin)
}

/// The document that set a requirement.
fn requirement_source(ind: &Indicator, district: usize, year: i32) -> String {
    format!(
        "黔环发〔{year}〕{}号",
        100 + (district * 7 + ind.id.len() * 13 + year as usize) % 900
    )
}

/// The plan office's register of a generated repository: the requirement
/// of every qualitative indicator a report is written for, except in a
/// report planted with a YAML error (PL001): no entry of it can be read, so
/// a requirement for it would match nothing (PL503 in the register, where
/// nothing was planted).
pub fn render_register(plan: &Plan, specs: &[Spec], seed: u64) -> String {
    let mut out = String::from(
        "# The plan office's register of a generated repository: the requirements of the\n\
         # relative targets, one per indicator, district and year.\nversion: 1\ndecisions:\n",
    );
    let mut any = false;
    for spec in specs.iter().filter(|s| s.planted != Some("PL001")) {
        let sfx = suffix(spec.district);
        for ind in plan.indicators_of(&spec.department) {
            if ind.kind != IndicatorKind::Qualitative {
                continue;
            }
            any = true;
            let y = spec.year;
            let _ = writeln!(out, "  - id: R{y}-{}{sfx}", ind.id);
            let _ = writeln!(out, "    kind: requirement");
            let _ = writeln!(out, "    plan: {}", plan_id(spec.district));
            let _ = writeln!(out, "    target: {}{sfx}", ind.id);
            let _ = writeln!(out, "    period: {y}");
            let _ = writeln!(
                out,
                "    value: {}",
                num(requirement_value(plan, ind, spec.district, seed, y))
            );
            let _ = writeln!(
                out,
                "    source: {}",
                requirement_source(ind, spec.district, y)
            );
            let _ = writeln!(out, "    approved_by: {}", plan.header.approvers[0]);
            let _ = writeln!(out, "    date: {}-01-05", y + 1);
        }
    }
    if !any {
        out = out.replace("decisions:\n", "decisions: []\n");
    }
    out
}

/// The sign of "better" for an indicator.
fn better(ind: &Indicator) -> f64 {
    match ind.direction {
        Direction::HigherIsBetter => 1.0,
        Direction::LowerIsBetter => -1.0,
    }
}

/// This district's value of an indicator in a year: never worse than last
/// year, on the good side of every bound, ahead of every path.
pub fn indicator_value(plan: &Plan, ind: &Indicator, district: usize, seed: u64, year: i32) -> f64 {
    // The same measure as another indicator (T079 is I01's growth): its figure.
    if let Some(other) = ind.same_as.as_ref().and_then(|o| plan.indicator(o)) {
        return indicator_value(plan, other, district, seed, year);
    }
    let mut rng = Rng::for_key(seed, &[&district.to_string(), &ind.id]);
    let t = (year - plan.header.period.baseline_year) as f64;
    let s = better(ind);
    let ahead = rng.range(0.1, 0.6);
    let step = rng.range(0.05, 0.4);
    let v = match ind.kind {
        IndicatorKind::AnnualRate => {
            let target = ind.target.unwrap_or(6.0);
            target + s * (ahead + step * (t / 5.0))
        }
        IndicatorKind::Cumulative => {
            let target = ind.target.unwrap_or(100.0).abs().max(1.0);
            // A 左右 total (I22 17.5万人左右) is met inside its band: a
            // little ahead, never past it.
            let lead = match ind.comparison {
                Comparison::About => 1.0 + ahead / 50.0,
                _ => 1.02 + ahead / 10.0,
            };
            (target * lead * t / 5.0).ceil()
        }
        IndicatorKind::Qualitative => 2.0 + ahead + step * t / 5.0,
        IndicatorKind::Level => match (ind.target_is, ind.baseline, ind.target) {
            (TargetIs::Path, Some(b), Some(target)) => {
                let path = plan_lint::model::numeric::linear_path(
                    b,
                    plan.header.period.baseline_year,
                    target,
                    ind.target_year,
                    year,
                );
                path + (target - path) * (0.2 + ahead / 2.0)
            }
            _ => {
                let start = match (ind.baseline_kind, ind.baseline) {
                    (BaselineKind::Level, Some(b)) => b,
                    _ => ind.target.or(ind.baseline).unwrap_or(50.0),
                };
                let bound_sign = match ind.comparison {
                    Comparison::AtMost | Comparison::LessThan => -1.0,
                    Comparison::AtLeast | Comparison::MoreThan | Comparison::About => 1.0,
                };
                let start = match ind.target {
                    Some(target)
                        if !plan_lint::model::numeric::meets(ind.comparison, start, target)
                            || ind.baseline_kind != BaselineKind::Level =>
                    {
                        target + bound_sign * ahead * target.abs().max(1.0) / 50.0
                    }
                    _ => start,
                };
                if bound_sign == s || ind.target.is_none() {
                    start + s * step * t * start.abs().max(1.0) / 100.0
                } else {
                    start
                }
            }
        },
    };
    let [lo, hi] = ind.range;
    let v = match (lo, hi) {
        (Some(lo), _) if v < lo => lo,
        (_, Some(hi)) if v > hi => hi,
        _ => v,
    };
    // A count or a rank is whole: rounded towards better, within the range.
    if plan.plausibility(ind).whole {
        let r = if s > 0.0 { v.ceil() } else { v.floor() };
        return match (lo, hi) {
            (_, Some(hi)) if r > hi => hi.floor(),
            (Some(lo), _) if r < lo => lo.ceil(),
            _ => r,
        };
    }
    // Round towards better, so rounding never makes a value regress or miss a bound.
    let r = round2(v);
    if (r - v) * s < 0.0
        && hi.is_none_or(|h| r + 0.01 * s <= h)
        && lo.is_none_or(|l| r + 0.01 * s >= l)
    {
        round2(r + 0.01 * s)
    } else {
        r
    }
}

/// A project's life in this district: (start year, completion year, planned investment).
fn project_life(p: &Project, district: usize, seed: u64) -> (i32, i32, f64) {
    let mut rng = Rng::for_key(seed, &[&district.to_string(), &p.id]);
    let start = 2019 + rng.below(6) as i32; // 2019..=2024
    let end = start + 1 + rng.below(4) as i32; // one to four years of work
    let total = round2(rng.range(0.5, 12.0));
    (start, end, total)
}

const SOURCES: [&str; 8] = [
    "区统计局统计公报",
    "区统计局年度统计快报",
    "贵阳市统计年鉴",
    "区统计局人口抽样调查",
    "部门年度工作总结",
    "区级业务统计台账",
    "市级主管部门通报",
    "第三方监测报告",
];
const NOTES: [&str; 5] = [
    "数据为快报数, 以统计年鉴为准",
    "受疫情影响部分项目延期",
    "较上年口径一致",
    "含新增统计单位",
    "已经区政府常务会议审议",
];

/// The text of one report and the code planted in it (a planting that does
/// not fit the department falls back to PL101, an unknown indicator).
pub fn render_report(plan: &Plan, spec: &Spec, seed: u64) -> (String, Option<&'static str>) {
    let sfx = suffix(spec.district);
    let y = spec.year;
    let mut rng = Rng::for_key(
        seed,
        &[&spec.district.to_string(), &spec.department, &y.to_string()],
    );
    let mut planted = spec.planted;
    let indicators: Vec<&Indicator> = plan.indicators_of(&spec.department).collect();
    let projects: Vec<&Project> = plan.projects_of(&spec.department).collect();
    // Fall back to an always applicable finding where the department has nothing to plant it in.
    if let Some(code) = planted {
        let ok = match code {
            "PL002" | "PL104" => !indicators.is_empty(),
            "PL201" => {
                y > plan.header.period.start
                    && indicators.iter().any(|i| {
                        i.attribute == plan_lint::model::plan::Attribute::Binding
                            && i.kind == IndicatorKind::Level
                    })
            }
            "PL210" => indicators
                .iter()
                .any(|i| i.kind == IndicatorKind::Qualitative),
            // A figure against last year's is planted in the last year only:
            // the next report would be judged against it too.
            "PL211" | "PL212" => {
                y == plan.header.period.end
                    && indicators.iter().any(|i| slip_fits(plan, i, spec, seed))
            }
            "PL207" => indicators.iter().any(|i| plan.plausibility(i).whole),
            "PL213" => indicators.iter().any(|i| {
                i.same_as
                    .as_ref()
                    .is_some_and(|o| indicators.iter().any(|j| j.id == *o))
            }),
            "PL302" => {
                y > plan.header.period.start
                    && projects.iter().any(|p| {
                        let (s, e, _) = project_life(p, spec.district, seed);
                        s < y && y < e
                    })
            }
            "PL303" => projects.iter().any(|p| {
                let (_, e, _) = project_life(p, spec.district, seed);
                e <= y
            }),
            "PL305" => projects.iter().any(|p| {
                let (s, _, _) = project_life(p, spec.district, seed);
                s <= y
            }),
            _ => true,
        };
        if !ok {
            planted = Some("PL101");
        }
    }
    // Which entry a finding is planted in: the first that fits.
    let mut plant_done = false;
    let mut out = String::with_capacity(4096);
    out.push_str("# yaml-language-server: $schema=https://plan-lint.example/schemas/progress-report.schema.json\n");
    let _ = writeln!(out, "version: 1");
    let _ = writeln!(out, "plan: {}", plan_id(spec.district));
    let _ = writeln!(out, "department: {}{sfx}", spec.department);
    let _ = writeln!(out, "period: {y}");
    if planted == Some("PL001") {
        // A second `period` key: a duplicate key is a YAML error.
        let _ = writeln!(out, "period: {y}");
        plant_done = true;
    }
    let _ = writeln!(out, "submitted: {}-01-{:02}", y + 1, 10 + rng.below(18));
    if !indicators.is_empty() || planted == Some("PL101") {
        out.push_str("indicators:\n");
    }
    for ind in &indicators {
        let id = format!("{}{sfx}", ind.id);
        let mut v = indicator_value(plan, ind, spec.district, seed, y);
        let entry_head = format!("  - id: {id}");
        let _ = writeln!(out, "{entry_head:<31}# {}", ind.name);
        if !plant_done
            && planted == Some("PL201")
            && ind.attribute == plan_lint::model::plan::Attribute::Binding
            && ind.kind == IndicatorKind::Level
        {
            // Worse than last year (or the baseline) by a clear step.
            let prev = indicator_value(plan, ind, spec.district, seed, y - 1);
            v = prev - better(ind) * (prev.abs().max(1.0) * 0.05);
            plant_done = true;
        }
        let mut written = num(v);
        if !plant_done && planted == Some("PL207") && plan.plausibility(ind).whole {
            // A count that is not whole (2.5 起).
            written = num(v + 0.5);
            plant_done = true;
        }
        if !plant_done && planted == Some("PL213") && ind.same_as.is_some() {
            // Another figure than the same measure's (T079 against I01).
            written = num(v + 1.0);
            plant_done = true;
        }
        if !plant_done
            && matches!(planted, Some("PL211" | "PL212"))
            && slip_fits(plan, ind, spec, seed)
        {
            written = slipped(plan, ind, &written, planted == Some("PL212"), &mut rng);
            plant_done = true;
        }
        if !plant_done && planted == Some("PL002") {
            let _ = writeln!(out, "    value: \"{}%\"", num(v));
            plant_done = true;
        } else {
            let _ = writeln!(out, "    value: {written}");
        }
        if !plant_done && planted == Some("PL104") {
            let _ = writeln!(out, "    unit: \"万{}\"", ind.unit);
            plant_done = true;
        } else if !ind.unit.is_empty() && rng.f64() < 0.3 {
            let _ = writeln!(out, "    unit: \"{}\"", ind.unit);
        }
        let _ = writeln!(out, "    source: {}", rng.pick(&SOURCES));
        if rng.f64() < 0.2 {
            let _ = writeln!(out, "    note: {}", rng.pick(&NOTES));
        }
        if ind.kind == IndicatorKind::Qualitative {
            // The report repeats the register's requirement (decisions/),
            // or, planted, gives another figure for it (PL210).
            let mut req = requirement_value(plan, ind, spec.district, seed, y);
            if !plant_done && planted == Some("PL210") {
                req += 1.0;
                plant_done = true;
            }
            let _ = writeln!(out, "    requirement:");
            let _ = writeln!(out, "      value: {}", num(req));
            let _ = writeln!(
                out,
                "      source: {}",
                requirement_source(ind, spec.district, y)
            );
        }
    }
    if planted == Some("PL101") {
        let _ = writeln!(out, "  - id: X99{sfx}");
        let _ = writeln!(out, "    value: 1");
        plant_done = true;
    }
    if !projects.is_empty() {
        out.push_str("projects:\n");
    }
    for p in &projects {
        let (start, end, total) = project_life(p, spec.district, seed);
        let (status, mut progress) = if y >= end {
            ("completed", 100.0)
        } else if y >= start {
            (
                "under_construction",
                (100.0 * f64::from(y - start + 1) / f64::from(end - start + 1)).floor(),
            )
        } else if y == start - 1 {
            ("preparing", 0.0)
        } else {
            ("planned", 0.0)
        };
        let head = format!("  - id: {}{sfx}", p.id);
        let _ = writeln!(out, "{head:<30}# {}", p.name);
        if rng.f64() < 0.3 {
            let _ = writeln!(out, "    name: {}", p.name);
        }
        let _ = writeln!(out, "    status: {status}");
        if !plant_done && planted == Some("PL302") && start < y && y < end {
            let before = (100.0 * f64::from(y - start) / f64::from(end - start + 1)).floor();
            progress = (before - 5.0).max(0.0);
            if progress >= before {
                progress = 0.0;
            }
            plant_done = true;
        }
        let _ = writeln!(out, "    progress: {}", num(progress));
        let done = round2(total * progress / 100.0);
        let planned_total = if !plant_done && planted == Some("PL305") && start <= y && done > 0.0 {
            plant_done = true;
            round2(done * 0.8)
        } else if !plant_done && planted == Some("PL305") && start <= y {
            plant_done = true;
            let _ = writeln!(out, "    investment:");
            let _ = writeln!(out, "      planned_total: 0.5");
            let _ = writeln!(out, "      completed_to_date: 0.6");
            -1.0
        } else {
            total
        };
        if planned_total >= 0.0 {
            let _ = writeln!(out, "    investment:");
            let _ = writeln!(out, "      planned_total: {}", num(planned_total));
            let _ = writeln!(out, "      completed_to_date: {}", num(done));
        }
        if y >= start {
            let _ = writeln!(
                out,
                "    started: {start}-{:02}-{:02}",
                3 + (p.id.len() % 6),
                1 + (p.id.len() * 7) % 27
            );
        }
        if y >= end {
            let _ = writeln!(out, "    completed: {end}-11-30");
            if !plant_done && planted == Some("PL303") {
                plant_done = true;
            } else {
                let _ = writeln!(out, "    evidence:");
                let _ = writeln!(out, "      - 竣工验收备案表({end}-11-30)");
            }
        }
    }
    assert!(
        planted.is_none() || plant_done,
        "{planted:?} planted in {spec:?}"
    );
    (out, planted)
}

/// Whether a slip can be planted in an indicator: a share of a whole whose
/// figures are 10 or more (a fraction, PL212; a fall of 40 points, PL211), or
/// a level with an upper range the plan argues (a lost decimal point).
fn slip_fits(plan: &Plan, ind: &Indicator, spec: &Spec, seed: u64) -> bool {
    let share = ind.unit == "%" && ind.range == [Some(0.0), Some(100.0)];
    let v = indicator_value(plan, ind, spec.district, seed, spec.year);
    ind.kind == IndicatorKind::Level
        && ind.attribute == plan_lint::model::plan::Attribute::Expected
        && ((share && v >= 50.0) || (ind.range[1].is_some() && !share && v > 1.0))
}

/// A planted slip of the text of a figure: a unit slip (PL212) of one of
/// the kinds a clerk makes — a share as a fraction, a lost decimal point,
/// 人 for 万人 — or an implausible change (PL211) in range.
fn slipped(plan: &Plan, ind: &Indicator, text: &str, unit_slip: bool, rng: &mut Rng) -> String {
    use plan_lint::model::plan::plausibility::shift_point;
    let share = ind.unit == "%" && ind.range == [Some(0.0), Some(100.0)];
    let hi = ind.range[1].unwrap_or(f64::MAX);
    let v: f64 = text.parse().unwrap_or(0.0);
    match (unit_slip, share) {
        (true, true) => shift_point(text, -2).unwrap_or_default(),
        (true, false) => {
            // The smallest factor that leaves the range (人 for 万人 is 10⁴).
            let k = [1, 2, 3, 4]
                .into_iter()
                .find(|k| v * 10f64.powi(*k) > hi)
                .unwrap_or(4);
            shift_point(text, k).unwrap_or_default()
        }
        (false, true) => num(v - 40.0 - rng.range(0.0, 5.0).round()),
        (false, false) => {
            let _ = plan;
            num(hi.min(v * 3.0).max(v / 3.0))
        }
    }
}

/// A catalog entry as one YAML flow mapping (JSON is YAML 1.2), without the
/// maintainers' notes and passages, which the checks never read.
fn flow<T: serde::Serialize>(v: &T, drop: &[&str]) -> String {
    let mut j = serde_json::to_value(v).expect("catalog entries serialise");
    if let Some(o) = j.as_object_mut() {
        for k in drop {
            o.remove(*k);
        }
    }
    serde_json::to_string(&j).expect("JSON")
}

/// The synthetic plan's files (name, text): plan.yaml, one catalog file per
/// district and the built-in rule file unchanged.
pub fn synthetic_plan(plan: &Plan, districts: usize) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut header = String::new();
    header.push_str(
        "# A synthetic plan for benchmarks: copies of the built-in catalog as further districts.\n",
    );
    let _ = writeln!(header, "id: {SYNTHETIC_ID}");
    let _ = writeln!(header, "name: {} (synthetic districts)", plan.header.name);
    let _ = writeln!(header, "seed: {}", plan.header.seed);
    let p = plan.header.period;
    let _ = writeln!(
        header,
        "period: {{start: {}, end: {}, baseline_year: {}}}",
        p.start, p.end, p.baseline_year
    );
    header.push_str("approvers:\n");
    for a in &plan.header.approvers {
        let _ = writeln!(header, "  - {a}");
    }
    header.push_str("catalog:\n");
    for d in 1..=districts {
        let _ = writeln!(header, "  - district-{d:04}.yaml");
    }
    header.push_str("rules:\n  - rules.yaml\n");
    files.push(("plan.yaml".to_string(), header));
    for d in 1..=districts {
        let sfx = suffix(d);
        let mut text = String::new();
        let _ = writeln!(text, "about: district {d} of the synthetic plan");
        text.push_str("departments:\n");
        for dep in &plan.departments {
            let mut dep = dep.clone();
            dep.code = format!("{}{sfx}", dep.code);
            dep.name = format!("{}({d}区)", dep.name);
            dep.aliases.clear();
            let _ = writeln!(text, "  - {}", flow(&dep, &[]));
        }
        text.push_str("indicators:\n");
        for ind in &plan.indicators {
            let mut ind = ind.clone();
            ind.id = format!("{}{sfx}", ind.id);
            ind.department = format!("{}{sfx}", ind.department);
            if let Some(o) = &mut ind.same_as {
                *o = format!("{o}{sfx}");
            }
            let _ = writeln!(
                text,
                "  - {}",
                flow(
                    &ind,
                    &["note", "discrepancies", "sentence", "baseline_text"]
                )
            );
        }
        text.push_str("projects:\n");
        for pr in &plan.projects {
            let mut pr = pr.clone();
            pr.id = format!("{}{sfx}", pr.id);
            pr.department = format!("{}{sfx}", pr.department);
            let _ = writeln!(text, "  - {}", flow(&pr, &["note"]));
        }
        files.push((format!("district-{d:04}.yaml"), text));
    }
    let rules = plan
        .files
        .iter()
        .find(|f| f.source.path.ends_with("/rules.yaml"))
        .map(|f| f.source.text().to_string())
        .expect("the built-in plan has rules.yaml");
    // A rule that selects ids selects each district's copy of them.
    let ids = regex::Regex::new(r"ids: \[([^\]]*)\]").expect("a valid pattern");
    let rules = ids.replace_all(&rules, |c: &regex::Captures<'_>| {
        let copies: Vec<String> = (c[1].split(',').map(str::trim))
            .flat_map(|id| (1..=districts).map(move |d| format!("{id}{}", suffix(d))))
            .collect();
        format!("ids: [{}]", copies.join(", "))
    });
    files.push(("rules.yaml".to_string(), rules.into_owned()));
    files
}

/// The synthetic plan `plan` would be extended with for `opts`, if one district is not enough.
pub fn plan_for(plan: &Plan, opts: &Options) -> Option<Vec<(String, String)>> {
    let l = layout(plan, opts);
    (l.districts > 0).then(|| synthetic_plan(plan, l.districts))
}

/// What `write` made.
pub struct Written {
    pub reports: usize,
    pub bytes: u64,
    /// Report path (relative to the root) → planted code.
    pub planted: BTreeMap<String, &'static str>,
    /// The synthetic plan's directory, when one was written.
    pub plan_dir: Option<PathBuf>,
}

/// Writes a repository under `root`: `progress/<year>/<department>.yaml`,
/// `plan/` (the synthetic plan, when needed), the plan office's register
/// `decisions/requirements.yaml` and `planted.tsv`.
pub fn write(root: &Path, opts: &Options) -> std::io::Result<Written> {
    let plan = Plan::builtin().expect("the built-in plan loads");
    let l = layout(&plan, opts);
    let mut written = Written {
        reports: 0,
        bytes: 0,
        planted: BTreeMap::new(),
        plan_dir: None,
    };
    // The synthetic plan's catalog copies make departments of district d resolve in `plan`.
    let extended = (l.districts > 0).then(|| {
        let files = synthetic_plan(&plan, l.districts);
        let dir = root.join("plan");
        std::fs::create_dir_all(&dir)?;
        for (name, text) in &files {
            std::fs::write(dir.join(name), text)?;
        }
        written.plan_dir = Some(dir.clone());
        Ok::<_, std::io::Error>(dir)
    });
    if let Some(r) = extended {
        r?;
    }
    for year in plan.header.period.start..=plan.header.period.end {
        std::fs::create_dir_all(root.join(format!("progress/{year}")))?;
    }
    for spec in &l.specs {
        let (text, planted) = render_report(&plan, spec, opts.seed);
        let rel = report_path(spec);
        if let Some(code) = planted {
            written.planted.insert(rel.clone(), code);
        }
        written.bytes += text.len() as u64;
        written.reports += 1;
        std::fs::write(root.join(&rel), text)?;
    }
    std::fs::create_dir_all(root.join("decisions"))?;
    std::fs::write(
        root.join("decisions/requirements.yaml"),
        render_register(&plan, &l.specs, opts.seed),
    )?;
    let mut tsv = String::new();
    for (path, code) in &written.planted {
        let _ = writeln!(tsv, "{path}\t{code}");
    }
    std::fs::write(root.join("planted.tsv"), tsv)?;
    Ok(written)
}

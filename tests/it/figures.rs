//! Figures as people write them (rules.md version 3): a figure from a report
//! is printed in its shortest round-trip form, a computed one (a path value,
//! a gap, an average, a rescaled reading) rounded to its unit's precision —
//! in every output: check's human (both languages), JSON, SARIF and GitHub
//! formats, and status's Markdown, HTML, JSON and CSV. A property test over
//! random figures typed with up to three decimals, some of them slipped.

use crate::common::plan_lint;
use proptest::prelude::*;

/// A decimal expansion no person writes: six nines or zeros in a row after
/// the point, then another digit (97.89999999999999, 0.30000000000000004).
fn unwritten(text: &str) -> Option<String> {
    let re = regex::Regex::new(r"\d\.\d*(?:9{6}|0{6})\d").unwrap();
    re.find(text).map(|m| m.as_str().to_string())
}

/// A figure in thousandths as a clerk types it: up to three decimals, no
/// trailing zeros.
fn typed(thousandths: u32) -> String {
    let (i, f) = (thousandths / 1000, thousandths % 1000);
    let frac = format!("{f:03}");
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        i.to_string()
    } else {
        format!("{i}.{frac}")
    }
}

/// One year's eco-env report with these figures for I14, I16, T029, T068, I15.
fn report(year: i32, figures: &[String]) -> String {
    let ids = ["I14", "I16", "T029", "T068", "I15"];
    let mut s = format!(
        "version: 1\nplan: nanming-14th-fyp\ndepartment: eco-env\nperiod: {year}\nsubmitted: {}-01-19\nindicators:\n",
        year + 1
    );
    for (id, f) in ids.iter().zip(figures) {
        s.push_str(&format!("  - id: {id}\n    value: {f}\n"));
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn no_output_prints_a_figure_nobody_wrote(
        base in proptest::collection::vec(10_000u32..55_000, 5),
        delta in proptest::collection::vec(0u32..4_000, 5),
        slip in 0usize..2,
    ) {
        // Last year's figures, and this year's within a couple of units of them.
        let before: Vec<String> = base.iter().map(|b| typed(*b)).collect();
        let after: Vec<String> = (base.iter().zip(&delta)).map(|(b, d)| typed(b + d - 2_000)).collect();
        std::fs::create_dir_all("target").unwrap();
        let dir = tempfile::tempdir_in("target").unwrap();
        let root = dir.path().join("progress");
        for y in [2022, 2023] {
            std::fs::create_dir_all(root.join(y.to_string())).unwrap();
        }
        // Figures of the later year written as fractions of themselves (the
        // shares; 人均公共绿地 at a tenth when `slip` is 1), so that rescaled
        // readings are printed too.
        let mut after = after;
        for (k, f) in after.iter_mut().enumerate() {
            let shift = match k {
                1 if slip == 1 => -1,
                1 => continue,
                _ => -2,
            };
            *f = plan_lint::model::plan::plausibility::shift_point(f, shift).unwrap();
        }
        std::fs::write(root.join("2022/eco-env.yaml"), report(2022, &before)).unwrap();
        std::fs::write(root.join("2023/eco-env.yaml"), report(2023, &after)).unwrap();
        let decisions = dir.path().join("decisions");
        std::fs::create_dir_all(&decisions).unwrap();
        let (root, decisions) = (root.to_str().unwrap(), decisions.to_str().unwrap());
        let mut outputs = Vec::new();
        for format in ["human", "json", "sarif", "github"] {
            for lang in ["en", "zh"] {
                let o = plan_lint(&[
                    "check", "--data-root", root, "--decisions", decisions, "--today", "2024-02-01",
                    "--format", format, "--lang", lang,
                ]);
                outputs.push((format!("check {format} {lang}"), o.stdout, o.code));
            }
        }
        for format in ["md", "html", "json", "csv"] {
            let o = plan_lint(&[
                "status", "--data-root", root, "--decisions", decisions, "--period", "2023",
                "--format", format, "--lang", "zh",
            ]);
            outputs.push((format!("status {format}"), o.stdout, o.code));
        }
        for (what, out, code) in &outputs {
            prop_assert!(*code != 2, "{what} failed:\n{out}");
            prop_assert_eq!(unwritten(out), None, "{}:\n{}", what, out);
        }
    }
}

#[test]
fn the_pattern_finds_what_floating_point_makes() {
    assert!(unwritten("如来源为 97.89999999999999%").is_some());
    assert!(unwritten("0.30000000000000004").is_some());
    assert!(unwritten("97.9 and 100.000 and 2020-01-01").is_none());
}

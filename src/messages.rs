//! How values read in messages: user values quoted, numbers as written with
//! their unit, years shown. Every check formats through these helpers.

use crate::yaml::format_number;

/// A user-supplied text, quoted.
pub fn q(s: &str) -> String {
    format!("\"{s}\"")
}

/// A number in its shortest exact form.
pub fn num(v: f64) -> String {
    format_number(v, v.fract() == 0.0)
}

/// A number with its unit: `97.5%`, `15 平方米`.
pub fn val(v: f64, unit: &str) -> String {
    match unit {
        "" => num(v),
        "%" => format!("{}%", num(v)),
        u => format!("{} {u}", num(v)),
    }
}

/// A signed difference with its unit: `+0.4%`, `-1.2 万人`.
pub fn signed(v: f64, unit: &str) -> String {
    let s = val(v.abs(), unit);
    if v < 0.0 {
        format!("-{s}")
    } else {
        format!("+{s}")
    }
}

/// An indicator named for a clerk: `空气质量优良率 (I14)`.
pub fn indicator(name: &str, id: &str) -> String {
    format!("{name} ({id})")
}

//! Offices: the departments the plan text names, drafted as the department registry.

use super::*;

/// The offices the text names ("南明区发展和改革局" → 区发展和改革局): (line, name).
pub(super) fn offices(seed: &Seed) -> Vec<(usize, String)> {
    static OFFICE: LazyLock<Regex> =
        LazyLock::new(|| re(r"区[^\s,，。;；、:：()（）“”|的在与及]{1,12}?(?:局|办公室|委员会)"));
    const NOT_OFFICES: &[&str] = &["布局", "格局", "大局", "全局", "开局", "新局", "变局", "域"];
    let mut out: Vec<(usize, String)> = Vec::new();
    for n in 1..=seed.len() {
        let Some(line) = seed.line(n) else { continue };
        for m in OFFICE.find_iter(line) {
            let name = m.as_str();
            // A district's office, written with its place (南明区发展和改革局)
            // or without (区生态环境局、区教育局); never a 布局 or a 区域.
            if NOT_OFFICES
                .iter()
                .any(|w| name.ends_with(w) || name.starts_with("区域"))
            {
                continue;
            }
            if name.contains("代表大会") || name.contains("常务委员会") {
                continue;
            }
            if !out.iter().any(|(_, o)| o == name) {
                out.push((n, name.to_string()));
            }
        }
    }
    out
}

pub(super) fn office_code(name: &str, taken: &[String]) -> String {
    let base = OFFICE_CODES
        .iter()
        .find(|(suffix, _)| name.ends_with(suffix))
        .map_or_else(|| "office".to_string(), |(_, c)| c.to_string());
    let mut code = base.clone();
    let mut k = 2;
    while taken.contains(&code) {
        code = format!("{base}-{k}");
        k += 1;
    }
    code
}

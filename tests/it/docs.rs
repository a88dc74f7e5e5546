//! docs/rules.md and docs/rules.zh-CN.md are generated from the explain texts
//! and the built-in plan's rule entries; this test keeps them in sync
//! (UPDATE_DOCS=1 rewrites them).

use plan_lint::diagnostics::messages::Lang;
use plan_lint::model::plan::Plan;
use plan_lint::output::explain::rules_markdown;

#[test]
fn docs_rules_md_is_in_sync() {
    let plan = Plan::builtin().expect("built-in plan loads");
    for (lang, path) in [
        (Lang::En, "docs/rules.md"),
        (Lang::Zh, "docs/rules.zh-CN.md"),
    ] {
        let generated = rules_markdown(&plan, lang);
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == generated,
            "{path} is out of date: run `UPDATE_DOCS=1 cargo test --test it docs::`"
        );
    }
}

#[test]
fn every_code_of_the_contract_is_documented_and_registered() {
    let plan = Plan::builtin().unwrap();
    for lang in Lang::ALL {
        let contract = rules_markdown(&plan, lang);
        for info in plan_lint::engine::rules::registry::CODES {
            assert!(
                contract.contains(&format!("## {} {}", info.code, info.code.name())),
                "{}",
                info.code
            );
            let text = info.text(lang);
            assert!(!text.why.is_empty() && !text.fix.is_empty() && !text.example.is_empty());
        }
    }
}

/// The CODEOWNERS block of docs/ci.md is what `plan-lint codeowners` writes
/// for the built-in plan's registry, so a department added to the registry
/// cannot be left out of it.
#[test]
fn docs_ci_md_codeowners_is_generated_from_the_registry() {
    let doc = std::fs::read_to_string("docs/ci.md").unwrap();
    let start = doc
        .find("```text file=.github/CODEOWNERS\n")
        .expect("a CODEOWNERS block")
        + "```text file=.github/CODEOWNERS\n".len();
    let block = &doc[start..start + doc[start..].find("```").unwrap()];
    let plan = Plan::builtin().unwrap();
    let generated = plan_lint::load::decisions::codeowners(
        &plan,
        "@nanming-drc/plan-office",
        None,
        std::path::Path::new("progress"),
    );
    assert_eq!(block, generated);
    assert!(generated.lines().any(|l| l == "* @nanming-drc/plan-office"));
    for d in &plan.departments {
        assert!(
            generated.contains(&format!(
                "/progress/*/{}.yaml @nanming-drc/{}\n",
                d.code, d.code
            )),
            "{}",
            d.code
        );
    }
}

/// The Chinese README starts with the same two set-up commands as the
/// README, and every code its table of common problems names exists.
#[test]
fn the_chinese_readme_keeps_the_set_up_commands_and_real_codes() {
    let commands = |text: &str| -> Vec<String> {
        let block = text
            .split("```sh\n")
            .nth(1)
            .unwrap()
            .split("```")
            .next()
            .unwrap();
        (block.lines())
            .map(|l| l.split('#').next().unwrap().trim().to_string())
            .collect()
    };
    let en = std::fs::read_to_string("README.md").unwrap();
    let zh = std::fs::read_to_string("README.zh-CN.md").unwrap();
    assert_eq!(commands(&en), commands(&zh));
    assert!(
        en.contains("README.zh-CN.md"),
        "the README links the Chinese one"
    );
    let section = |title: &str| -> Vec<&str> {
        let text = zh.split(title).nth(1).unwrap_or_default();
        let text = text.split("\n## ").next().unwrap_or_default();
        text.lines().filter(|l| l.starts_with("| PL")).collect()
    };
    let common = section("## 最常见的十个问题及改法");
    assert_eq!(common.len(), 10);
    // Issue 31: the codes a clerk cannot fix say who can, what to send and why.
    let office = section("## 部门改不了、要找区发展和改革局的问题");
    for code in ["PL204", "PL401", "PL402", "PL403"] {
        let row = office.iter().find(|r| r.starts_with(&format!("| {code}")));
        assert!(row.is_some_and(|r| r.contains("区发展和改革局")), "{code}");
    }
    for row in common.into_iter().chain(office) {
        let code = &row[2..7];
        assert!(
            plan_lint::engine::rules::registry::info(code).is_some(),
            "{code}"
        );
    }
}

/// Issue 31: a Chinese-first clerk finds the editor set-up in Chinese: the
/// Chinese README points at docs/editors.zh-CN.md, which covers VS Code and
/// Neovim with the same Neovim configuration as docs/editors.md.
#[test]
fn the_editor_set_up_is_in_chinese_too() {
    let readme = std::fs::read_to_string("README.zh-CN.md").unwrap();
    assert!(readme.contains("(docs/editors.zh-CN.md)"));
    assert!(readme.contains("plan-lint schema report -o schemas/report.schema.json"));
    let zh = std::fs::read_to_string("docs/editors.zh-CN.md").unwrap();
    let en = std::fs::read_to_string("docs/editors.md").unwrap();
    for part in [
        "## VS Code",
        "## Neovim",
        "plan-lint schema report -o schemas/report.schema.json",
    ] {
        assert!(zh.contains(part), "{part}");
    }
    let lua = |text: &str| -> String {
        let block = text.split("```lua\n").nth(1).unwrap();
        block.split("```").next().unwrap().to_string()
    };
    assert_eq!(lua(&zh), lua(&en));
}

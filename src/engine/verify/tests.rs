use super::*;

#[test]
fn numbers_in_cells_and_sentences() {
    assert_eq!(cell_number("8.5以上", "%"), Some(8.5));
    assert_eq!(cell_number("78岁以上", "岁"), Some(78.0));
    assert_eq!(cell_number("4.5以内", "%"), Some(4.5));
    assert_eq!(cell_number("-2.66", "%"), Some(-2.66));
    assert_eq!(cell_number("12.0", "%"), Some(12.0));
    assert_eq!(cell_number("---", "%"), None);
    assert_eq!(cell_number("控制在市要求以内", "%"), None);
    assert_eq!(cell_number("5G", "%"), None);
    assert!(contains_number("建成5G基站200个,覆盖率提升至100%", "100"));
    assert!(!contains_number("地区生产总值达到1300亿元以上", "300"));
    assert!(!contains_number("年均增速8.55%", "8.5"));
    assert!(!contains_number("增长18.5%", "8.5"));
    assert!(contains_number("年均增速8.5%以上", "8.5"));
    assert_eq!(plain(115.0), "115");
    assert_eq!(plain(17.5), "17.5");
    assert_eq!(table_row_passage("专栏2-1 序号14"), Some(("专栏2-1", 14)));
    assert_eq!(table_row_passage("第三章第一节"), None);
    assert_eq!(table_row_passage("专栏3-1"), None);
}

/// The built-in plan is proved by the seed it ships with.
#[test]
fn the_builtin_plan_is_proved_by_its_shipped_seed() {
    let plan = Plan::builtin().unwrap();
    let seed = Seed::builtin(&plan.header.seed).expect("the built-in seed ships");
    let found = verify(&plan, &seed, Some(&Accounting::builtin()));
    let messages: Vec<String> = found
        .iter()
        .map(|d| {
            format!(
                "{} {}: {}",
                d.code,
                d.location.path,
                d.message(crate::diagnostics::messages::Lang::En)
            )
        })
        .collect();
    assert!(messages.is_empty(), "{messages:#?}");
}

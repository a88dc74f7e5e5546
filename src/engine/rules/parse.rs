//! PL001 and PL002: the file must be a YAML document that matches the
//! report schema. The loading itself lives in `yaml` and `schema`; this file
//! holds what plan-lint says about the two codes.

use super::{ChineseTexts, CodeInfo};
use crate::model::code::Code;

pub const PL001: CodeInfo = CodeInfo {
    code: Code::PL001,
    summary: "the file is not valid YAML: syntax, duplicate keys, tabs in indentation, alias expansion or nesting past the limit, file past the size limit, tags, several documents, not UTF-8, or changed while it was being checked",
    why: "a report that cannot be read cannot be checked; a duplicate key silently drops one of two values, and a GBK file shows as garbage on other machines",
    example: "indicators:\n  - id: I14\n    value: 97.6\n    value: 97.8\n",
    fix: "correct the YAML at the place shown: remove the duplicate key, indent with spaces, save the file as UTF-8",
    zh: ChineseTexts {
        summary: "文件不是有效的 YAML：有语法错误、同一字段写了两次、缩进里用了制表符（Tab）、锚点引用（`&`、`*`）展开后过大或嵌套过深、文件超过大小上限、用了标签（`!!`）、一个文件里有多份文档、不是 UTF-8 编码，或检查过程中文件被改动了。",
        why: "读不了的报告就无法检查；同一字段写两次，会悄悄丢掉其中一个数值；GBK 编码的文件在别的电脑上会显示成乱码。",
        example: "indicators:\n  - id: I14\n    value: 97.6\n    value: 97.8   # 同一字段写了两次\n",
        fix: "在指出的位置改正：删去重复的字段，缩进只用空格，把文件另存为 UTF-8 编码。",
    },
    check: None,
};

pub const PL002: CodeInfo = CodeInfo {
    code: Code::PL002,
    summary: "the document does not match the report schema: a missing or unknown key, a value of the wrong type, a status that does not exist, a number written as text",
    why: "a typo in a key must never pass silently: `valeu: 97.6` would otherwise be a report without a value",
    example: "indicators:\n  - id: I14\n    value: \"98以上\"\n",
    fix: "write the key as the schema names it (`plan-lint schema report`), and numbers as plain numbers: value: 98",
    zh: ChineseTexts {
        summary: "报告内容不符合报告格式：缺少字段或有未知字段、数值类型不对、项目状态不存在、数字写成了文字。",
        why: "字段名写错绝不能悄悄通过：否则 `valeu: 97.6` 就成了一个没有数值的指标。",
        example: "indicators:\n  - id: I14\n    value: \"98以上\"   # 数字写成了文字\n",
        fix: "字段名照报告格式写（`plan-lint schema report` 列出全部字段），数字只写数字，如 `value: 98`。",
    },
    check: None,
};

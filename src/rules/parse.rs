//! PL001 and PL002: the file must be a YAML document that matches the
//! report schema. The loading itself lives in `yaml` and `schema`; this file
//! holds what plan-lint says about the two codes.

use super::{CodeInfo, Subject};

pub const PL001: CodeInfo = CodeInfo {
    code: "PL001",
    name: "yaml-syntax",
    severity: "error",
    subject: Subject::File,
    plan_rule: false,
    required_params: &[],
    summary: "the file is not valid YAML: syntax, duplicate keys, tabs in indentation, alias expansion or nesting past the limit, file past the size limit, tags, several documents, not UTF-8, or changed while it was being checked",
    why: "a report that cannot be read cannot be checked; a duplicate key silently drops one of two values, and a GBK file shows as garbage on other machines",
    example: "indicators:\n  - id: I14\n    value: 97.6\n    value: 97.8\n",
    fix: "correct the YAML at the place shown: remove the duplicate key, indent with spaces, save the file as UTF-8",
    check: None,
};

pub const PL002: CodeInfo = CodeInfo {
    code: "PL002",
    name: "schema",
    severity: "error",
    subject: Subject::File,
    plan_rule: false,
    required_params: &[],
    summary: "the document does not match the report schema: a missing or unknown key, a value of the wrong type, a status that does not exist, a number written as text",
    why: "a typo in a key must never pass silently: `valeu: 97.6` would otherwise be a report without a value",
    example: "indicators:\n  - id: I14\n    value: \"98以上\"\n",
    fix: "write the key as the schema names it (`plan-lint schema report`), and numbers as plain numbers: value: 98",
    check: None,
};

#!/usr/bin/env bash
# The Action's check step: SARIF for code scanning, then annotations and the step
# summary. The exit status is plan-lint's: 0 clean, 1 findings, 2 could not check.
set -uo pipefail
data_root=${INPUT_DATA_ROOT:-progress}
sarif=${INPUT_SARIF_FILE:-plan-lint.sarif}
fail_on=${INPUT_FAIL_ON:-all}
args=(check --data-root "$data_root")
if [ -n "${INPUT_BASE:-}" ]; then
  args+=(--base "$INPUT_BASE" --fail-on "$fail_on")
fi
# The summary is written once, by the annotation run below.
GITHUB_STEP_SUMMARY='' plan-lint "${args[@]}" --format sarif > "$sarif"
sarif_status=$?
if [ "$sarif_status" -ge 2 ]; then
  # plan-lint could not do its job: show why, in the log and as an annotation.
  plan-lint "${args[@]}" --format github
  exit "$sarif_status"
fi
# Annotations on the pull request's files, and the summary in GITHUB_STEP_SUMMARY.
plan-lint "${args[@]}" --format github
exit $?

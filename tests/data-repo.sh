#!/usr/bin/env bash
# End-to-end check of what a data repository uses: the workflows (actionlint), the
# setup documented in docs/ci.md, the Action's shell steps, and the pre-commit hook,
# all on a throwaway git repository, with no network.
#
# Usage: tests/data-repo.sh PATH/TO/plan-lint DIST
# DIST: a folder with the plan-lint wheel (`maturin build --release -o DIST`); pip is
# pointed at it instead of PyPI, as an office points pip at its mirror.
# Needs: git, python3, actionlint and pre-commit (.ci/run installs them from PyPI).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -n "${2:-}" ] && ls "$2"/plan_lint-*.whl >/dev/null 2>&1 || { echo "usage: $0 PATH/TO/plan-lint DIST (DIST holding the plan-lint wheel)" >&2; exit 2; }
export PIP_NO_INDEX=1 PIP_FIND_LINKS=$(cd "$2" && pwd) PIP_DISABLE_PIP_VERSION_CHECK=1
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n 1)
export PATH="$(dirname "$bin"):$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "data-repo: FAIL: $*" >&2; exit 1; }
ok() { echo "data-repo: ok: $*"; passed=$((passed + 1)); }
passed=0
export GIT_AUTHOR_NAME=clerk GIT_AUTHOR_EMAIL=clerk@example.org GIT_COMMITTER_NAME=clerk GIT_COMMITTER_EMAIL=clerk@example.org
unset GITHUB_ACTIONS GITHUB_STEP_SUMMARY

# 1. plan-lint's own workflows (the release workflow among them).
actionlint "$repo"/.github/workflows/*.yml
ok "actionlint on .github/workflows"

# 1b. The package: the wheel into a fresh virtualenv gives a plan-lint that passes the
#     README's main job, with no Rust (pip only unpacks it).
python3 -m venv "$work/venv"
started=$(date +%s%N)
"$work/venv/bin/pip" install --quiet "plan-lint==$version"
echo "data-repo: pip install plan-lint==$version from the wheel: $(( ($(date +%s%N) - started) / 1000000 )) ms"
(cd "$repo" && "$work/venv/bin/plan-lint" check --data-root fixtures/example/progress --today 2026-01-01 >/dev/null) \
  || fail "the installed package fails the README's main job"
ok "the wheel in a fresh virtualenv passes the README's main job"

# 2. A data repository with accepted reports on main.
data=$work/data
mkdir -p "$data"
cp -r "$repo/fixtures/example/progress" "$repo/fixtures/example/decisions" "$data/"
cd "$data"
git init -q -b main
git add progress decisions
git commit -q -m "accepted reports and the plan office's register"

# 3. docs/ci.md, verbatim: files named in fences are written, `sh run` blocks are run.
#    The one substitution: the hook repository is this checkout at HEAD (no network here).
awk -v dir="$data" '
  /^```[a-z]+ file=/ { split($0, a, "file="); f = dir "/" a[2]; system("mkdir -p \"$(dirname \"" f "\")\""); printf "" > f; infile = 1; next }
  /^```sh run$/ { inrun = 1; next }
  /^```/ { infile = 0; inrun = 0; next }
  infile { print >> f }
  inrun { print >> (dir "/.setup.sh") }
' "$repo/docs/ci.md"
[ -f .github/workflows/plan-lint.yml ] && [ -f .github/CODEOWNERS ] && [ -f .pre-commit-config.yaml ] && [ -f plan-lint.toml ] || fail "docs/ci.md files not extracted"
grep -q '^base = "origin/main"$' plan-lint.toml || fail "docs/ci.md's plan-lint.toml does not set base"
grep -q "plan-lint==$version" .pre-commit-config.yaml || fail "docs/ci.md's hook does not pin plan-lint==$version"
actionlint .github/workflows/plan-lint.yml
ok "actionlint on the documented workflow"
bash -euo pipefail .setup.sh
rm .setup.sh
ok "the documented setup commands"

# 4. The Action's shell steps on a pull request that rewrites an accepted report.
git checkout -q -b pr
sed -i "s/value: 97.5/value: 97.4/" progress/2022/eco-env.yaml
git commit -q -am "change 2022 air quality"
summary=$work/summary.md
# The install step as the Action runs it: the pinned package, no Rust.
started=$(date +%s%N)
PLAN_LINT_REINSTALL=1 RUNNER_TEMP=$work GITHUB_PATH=$work/github_path INPUT_VERSION= INPUT_FROM_SOURCE=false \
  bash "$repo/action/install.sh" > "$work/install.txt" || { cat "$work/install.txt"; fail "the Action's install step"; }
echo "data-repo: the Action's install step (pip, the wheel): $(( ($(date +%s%N) - started) / 1000000 )) ms"
grep -q "plan-lint $version" "$work/install.txt" || { cat "$work/install.txt"; fail "the Action installed no plan-lint $version"; }
[ "$(cat "$work/github_path")" = "$work/plan-lint-venv/bin" ] || fail "the Action does not put the package on PATH"
set +e
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=$summary INPUT_BASE=main INPUT_SARIF_FILE=$work/out.sarif \
  bash "$repo/action/check.sh" > "$work/annotations.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "check.sh exited $status on a rewritten report, expected 1"
grep -q '^::error file=progress/2022/eco-env.yaml' "$work/annotations.txt" || fail "no PL401 annotation"
grep -q '"ruleId": "PL401"' "$work/out.sarif" || fail "no PL401 in the SARIF"
[ "$(grep -c '^## plan-lint' "$summary")" -eq 1 ] || fail "the step summary is not written exactly once"
ok "the Action fails a rewritten accepted report"
# The report's own revision block grants nothing (trust.md).
printf 'revision:\n  reason: 监测站数据复核修订\n  approved_by: 区发展和改革局\n' >> progress/2022/eco-env.yaml
git commit -q -am "revision approved, says the report"
if INPUT_BASE=main INPUT_SARIF_FILE=$work/out.sarif bash "$repo/action/check.sh" > "$work/annotations.txt"; then
  fail "check.sh passes a report that approves its own revision"
fi
ok "the Action fails a report that approves its own revision"
# A register the pull request adds grants nothing either: it is read at the merge-base.
printf 'version: 1\ndecisions:\n  - {id: V-self, kind: revision, department: eco-env, period: 2022, entries: [{target: I14, value: 97.4}], reason: 自行批准, approved_by: 区发展和改革局, date: 2025-02-10}\n' > decisions/self.yaml
git add decisions/self.yaml
git commit -q -m "approve myself"
if INPUT_BASE=main INPUT_SARIF_FILE=$work/out.sarif bash "$repo/action/check.sh" > "$work/annotations.txt"; then
  fail "check.sh passes a pull request that adds its own decision"
fi
grep -q 'PL403' "$work/annotations.txt" || { cat "$work/annotations.txt"; fail "no PL403 for the register file the pull request adds"; }
git rm -q decisions/self.yaml
git commit -q -m "withdraw the self-approval"
ok "a register file added by the pull request grants nothing"
# The plan office merges its revision decision on main.
git checkout -q main
printf 'version: 1\ndecisions:\n  - {id: V2025-001, kind: revision, department: eco-env, period: 2022, entries: [{target: I14, value: 97.4}], reason: 监测站数据复核修订, approved_by: 区发展和改革局, date: 2025-02-10}\n' > decisions/2025-revisions.yaml
git add decisions/2025-revisions.yaml
git commit -q -m "revision decision V2025-001"
plan-lint check > "$work/main.txt" || { cat "$work/main.txt"; fail "main with the office's decision does not pass"; }
git checkout -q pr
# Re-running the old check is not enough: its merge-base is the old main.
if INPUT_BASE=main INPUT_SARIF_FILE=$work/out.sarif bash "$repo/action/check.sh" > "$work/annotations.txt"; then
  fail "check.sh passes before the branch is updated"
fi
# The department updates its branch: the merge-base now holds the decision.
git merge -q --no-edit main
INPUT_BASE=main INPUT_SARIF_FILE=$work/out.sarif bash "$repo/action/check.sh" > "$work/annotations.txt" || { cat "$work/annotations.txt"; fail "check.sh fails once the office's decision is merged and the branch updated"; }
ok "the Action passes once the office's revision decision is merged and the branch updated"
git checkout -q main
git merge -q --no-edit pr
# A pull request that brings a register folder missing at its base gets no exception from it.
git checkout -q -b pr2
sed -i "s/value: 97.6/value: 97.0/" progress/2023/eco-env.yaml
mkdir -p extra-register
printf 'version: 1\ndecisions:\n  - {id: V-mine, kind: revision, department: eco-env, period: 2023, entries: [{target: I14, value: 97.0}], reason: 自行批准, approved_by: 区发展和改革局, date: 2025-02-10}\n' > extra-register/mine.yaml
git add -A
# (--no-verify: the local hook would refuse it; CI is the gate a department cannot skip)
git commit -q --no-verify -m "rewrite 2023 and bring my own register"
set +e
plan-lint check --base main --decisions extra-register --format json > "$work/pr2.json"
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$work/pr2.json"; fail "a pull request's own register folder relaxed its verdict (exit $status)"; }
grep -q '"code": "PL401"' "$work/pr2.json" || fail "no PL401 for the rewritten 2023 report"
grep -q '"code": "PL403"' "$work/pr2.json" || fail "no PL403 for the register folder the pull request adds"
git checkout -q main
git branch -q -D pr2
ok "a register folder missing at the merge-base grants nothing"

# 5. The pre-commit hook on staged reports.
mkdir -p progress/2024
sed 's/period: 2023/period: 2024/; s/submitted: 2024-01-19/submitted: 2025-01-20/; s/value: 77.3/value: 773/' \
  progress/2023/health.yaml > progress/2024/health.yaml
git add progress/2024/health.yaml
if pre-commit run --files progress/2024/health.yaml > "$work/hook.txt" 2>&1; then
  cat "$work/hook.txt"; fail "the hook passed a report with a life expectancy of 773 years"
fi
# A life expectancy of 773 years is outside the possible range (PL212, rules.md version 3's
# plausibility: "is it 77.3?"), which the hook must show as CI would.
grep -q "PL212" "$work/hook.txt" && grep -q "77.3" "$work/hook.txt" || { cat "$work/hook.txt"; fail "the hook did not show the finding"; }
sed -i 's/value: 773/value: 77.6/' progress/2024/health.yaml
git add progress/2024/health.yaml
pre-commit run --files progress/2024/health.yaml > "$work/hook.txt" 2>&1 || { cat "$work/hook.txt"; fail "the hook failed a valid report"; }
git commit -q -m "2024 health" || fail "the commit hook refused a valid report"
ok "the pre-commit hook"

# 5b. The clerk's check sees what CI sees (docs/ci.md's plan-lint.toml sets base): a clerk
#     saves this year's report over last year's accepted file, `period` changed back, and
#     `plan-lint check` with no flags reports it — no --base needed.
set +e
plan-lint check > "$work/clerk.txt" 2>&1
status=$?
set -e
[ "$status" -eq 0 ] || { cat "$work/clerk.txt"; fail "a base not fetched failed the check (exit $status), expected a note"; }
grep -q 'history integrity was not checked against "origin/main"' "$work/clerk.txt" || { cat "$work/clerk.txt"; fail "no note that origin/main is missing"; }
git remote add origin "$data"
git fetch -q origin
sed 's/period: 2024/period: 2023/' progress/2024/health.yaml > progress/2023/health.yaml
set +e
plan-lint check --format json > "$work/clerk.json" 2> "$work/clerk.txt"
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$work/clerk.txt" "$work/clerk.json"; fail "the overwritten accepted report passed the clerk's check (exit $status)"; }
grep -q '"code": "PL401"' "$work/clerk.json" || { cat "$work/clerk.json"; fail "no PL401 for the overwritten accepted report"; }
grep -q '"ref": "origin/main"' "$work/clerk.json" || fail "the JSON does not name the base"
grep -q 'history integrity checked against "origin/main" at' "$work/clerk.txt" || { cat "$work/clerk.txt"; fail "stderr does not say which base"; }
plan-lint check --no-base > "$work/clerk.txt" 2>&1 || true
grep -q 'PL401' "$work/clerk.txt" && fail "--no-base still compared the record"
git checkout -q -- progress/2023/health.yaml
ok "the clerk's check without --base reports an overwritten accepted report"

# 5c. Moving to version 3 (docs/ci.md "Moving to version 3") on a repository that version 2
#     accepted: a report filed outside its place and a revision in version 2's `targets:` form.
git checkout -q main
mkdir -p progress/2022/a
sed 's/department: eco-env/department: veterans/' progress/2022/eco-env.yaml > progress/2022/a/eco-env.yaml
printf 'version: 1\ndecisions:\n  - {id: V2024-v2, kind: revision, department: health, period: 2022, targets: [I25], reason: 统计部门修订, approved_by: 区发展和改革局, date: 2024-05-10}\n' > decisions/v2-revisions.yaml
git add -A
git commit -q --no-verify -m "what version 2 accepted"
# The dry run on the accepted record lists what turns red.
set +e
plan-lint check --no-base --format json > "$work/dry-run.json"
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$work/dry-run.json"; fail "the dry run exited $status, expected 1"; }
grep -q '"file": "progress/2022/a/eco-env.yaml"' "$work/dry-run.json" && grep -q '"code": "PL108"' "$work/dry-run.json" \
  || { cat "$work/dry-run.json"; fail "the dry run does not name the report outside its place (PL108)"; }
grep -q '"code": "PL006"' "$work/dry-run.json" || { cat "$work/dry-run.json"; fail "the dry run does not name the version-2 revision (PL006)"; }
# The office takes the stray file out of the record's folder.
git rm -q progress/2022/a/eco-env.yaml
git commit -q -m "a report is read only at its place"
# A department's pull request needs the revision the old form no longer grants.
git checkout -q -b pr3
sed -i 's/value: 76.9/value: 77.0/' progress/2022/health.yaml
git commit -q --no-verify -am "I25 of 2022 as the statistics bureau revised it"
set +e
plan-lint check --base main --format json > "$work/pr3.json"
status=$?
set -e
[ "$status" -eq 1 ] && grep -q '"code": "PL401"' "$work/pr3.json" || { cat "$work/pr3.json"; fail "a version-2 targets list still granted a revision (exit $status)"; }
plan-lint decisions draft --base main -o "$work/revision-draft.yaml"
grep -q '{target: I25, value: 77}' "$work/revision-draft.yaml" || { cat "$work/revision-draft.yaml"; fail "the draft does not name the figure"; }
# The office checks the figure, fills in reason and date, and merges the migrated register.
git checkout -q main
sed -e 's/^    reason: "".*/    reason: 统计部门修订2022年数据/' -e 's/^    date: "".*/    date: 2025-03-01/' \
  "$work/revision-draft.yaml" > decisions/v2-revisions.yaml
git commit -q -am "the register's revisions in version 3's form"
git checkout -q pr3
git merge -q --no-edit main
plan-lint check --base main > "$work/pr3.txt" || { cat "$work/pr3.txt"; fail "the pull request fails after the register's migration"; }
git checkout -q main
git merge -q --no-edit pr3
git fetch -q origin
ok "moving to version 3: the dry run, the register's migration, then the reports"

# 6. The repository's own hook (.pre-commit-hooks.yaml, language: python): pre-commit
#    builds the package from plan-lint's repository at a commit, with maturin (from the
#    wheel folder) and cargo: the path for a data repository tracking an unreleased commit.
cat > "$work/repo-hook.yaml" <<HOOK
repos:
  - repo: $repo
    rev: $(git -C "$repo" rev-parse HEAD)
    hooks:
      - id: plan-lint
HOOK
# pre-commit's build of the clone gets a target directory of its own: it must not
# overwrite the build-script output of this checkout's release build.
CARGO_TARGET_DIR=$work/hook-target pre-commit run --config "$work/repo-hook.yaml" --files progress/2024/health.yaml > "$work/hook.txt" 2>&1 \
  || { cat "$work/hook.txt"; fail "the repository's hook"; }
ok "the repository's own hook, built from source"

echo "data-repo: $passed passed, 0 failed"

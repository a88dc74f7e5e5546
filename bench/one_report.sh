#!/usr/bin/env bash
# One report checked in a large data root (issue 32, "read only what is
# judged"): wall time and peak memory of `plan-lint check <one report>` in a
# root of N generated reports, against the same report in a copy holding only
# its department's reports, and with `base` set in a git checkout (trust.md
# version 3). Also the full check of the root. Prints a markdown table.
#
#   bash bench/one_report.sh            # N=10000, 5 runs each (median)
#   N=100000 RUNS=3 bash bench/one_report.sh
#   N=1000 bash bench/one_report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/plan-lint-one-report}
cargo build --release --quiet --bin plan-lint --example generate
PL=$PWD/target/release/plan-lint
GEN=$PWD/target/release/examples/generate
mkdir -p "$WORK"
# The generated root (its synthetic plan and register), and the built-in
# plan's register (115 reports) for the runs with the built-in plan alone.
[ -d "$WORK/root-$N/progress" ] || "$GEN" "$WORK/root-$N" --reports "$N" --findings 0 --seed 1 >/dev/null
[ -d "$WORK/builtin/decisions" ] || "$GEN" "$WORK/builtin" --reports 115 --findings 0 --seed 1 >/dev/null
ROOT=$WORK/root-$N
OWN=$WORK/own-$N
if [ ! -d "$OWN" ]; then
  mkdir -p "$OWN"
  cp -r "$ROOT/plan" "$ROOT/decisions" "$OWN/"
  for y in "$ROOT"/progress/*/; do
    y=$(basename "$y"); mkdir -p "$OWN/progress/$y"
    cp "$ROOT/progress/$y/eco-env.yaml" "$OWN/progress/$y/"
  done
fi
GIT=$WORK/git-$N
if [ ! -d "$GIT/.git" ]; then
  mkdir -p "$GIT"; cp -r "$ROOT/progress" "$GIT/"; cp -r "$WORK/builtin/decisions" "$GIT/"
  printf 'base = "main"\n' > "$GIT/plan-lint.toml"
  (cd "$GIT" && git init -q -b main && git add -A && git -c user.name=bench -c user.email=bench@example.com commit -qm data)
fi
REPORT=progress/2025/eco-env.yaml
# median wall time (EPOCHREALTIME, microseconds) and peak memory (/usr/bin/time)
# of RUNS runs of a command in a folder
measure() {
  local dir=$1; shift
  for _ in $(seq "$RUNS"); do
    local t0=$EPOCHREALTIME
    (cd "$dir" && /usr/bin/time -f "%M" "$@" >/dev/null 2>/tmp/one-report.time || true)
    local t1=$EPOCHREALTIME
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) * 1000}') $(tail -1 /tmp/one-report.time)"
  done | sort -n | awk '{t[NR]=$1; m[NR]=$2} END {i=int((NR+1)/2); printf "%.1f ms | %.0f MB", t[i], m[i]/1024}'
}
# the median of RUNS runs of one --timings phase (its line's milliseconds)
phase() {
  local dir=$1 name=$2; shift 2
  for _ in $(seq "$RUNS"); do
    (cd "$dir" && "$@" --timings 2>&1 >/dev/null | grep -F "$name:" | head -1 | awk '{print $(NF-1)+0}')
  done | sort -n | awk '{v[NR]=$1} END {printf "%.1f ms", v[int((NR+1)/2)]}'
}
T="--today 2026-06-30"
echo "plan-lint at $(git rev-parse --short HEAD), $N reports, median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) at the start"
echo
echo "| run | wall | peak |"
echo "|---|--:|--:|"
echo "| one report, synthetic plan, whole root | $(measure "$ROOT" "$PL" --plan plan check $T --data-root progress $REPORT) |"
echo "| one report, synthetic plan, its department's reports only | $(measure "$OWN" "$PL" --plan plan check $T --data-root progress $REPORT) |"
echo "| one report, built-in plan, whole root (no base) | $(measure "$GIT" "$PL" check $T --no-base --data-root progress $REPORT) |"
echo "| one report, built-in plan, whole root, \`base\` set | $(measure "$GIT" "$PL" check $T $REPORT) |"
echo
echo "Phases of the one-report check with \`base\` set (\`--timings\`, medians):"
echo
echo "| phase | time |"
echo "|---|--:|"
echo "| plans and register (read at the merge-base), beside the walk | $(phase "$GIT" "plans and register" "$PL" check $T $REPORT) |"
echo "| walk of the data root ($N names) | $(phase "$GIT" "find reports" "$PL" check $T $REPORT) |"
echo "| git's changes at the department's places, beside the walk | $(phase "$GIT" "git: changes, beside the reading" "$PL" check $T $REPORT) |"
echo
echo "The full check of the root, last (it reads every report):"
echo
echo "| run | wall | peak |"
echo "|---|--:|--:|"
echo "| full check, synthetic plan | $(measure "$ROOT" "$PL" --plan plan check $T --data-root progress) |"

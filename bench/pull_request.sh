#!/usr/bin/env bash
# Pull-request mode (`check --base main`) against the full check of the same
# repository, on the same generated data as bench/compare.sh, and one report's
# pull request on the example repository.
#
#   bash bench/pull_request.sh             # 10,000 reports
#   N=2000 RUNS=3 bash bench/pull_request.sh
#   PL=/path/to/plan-lint bash bench/pull_request.sh   # an existing build
#
# Each repository is a git repository with one commit on `main` and a branch
# `pr` that changes one figure in one report (the working tree is the pull
# request). Prints a markdown table: median wall time of RUNS runs and peak
# memory (/usr/bin/time) of each.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${N:-10000}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/plan-lint-bench}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
mkdir -p "$WORK"
say() { printf '%s\n' "$*" >&2; }

if [ -z "${PL:-}" ]; then
  say "== building plan-lint and the generator (dist profile)"
  cargo build --profile dist --quiet --bin plan-lint --example generate
  PL=$CARGO_TARGET_DIR/dist/plan-lint
fi
PL=$(realpath "$PL")
GEN=${GEN:-$CARGO_TARGET_DIR/dist/examples/generate}

# --- repositories ----------------------------------------------------------------
# repo NAME SOURCE FILE: a git repository copied from SOURCE, committed on main,
# with FILE's first `value:` changed on branch pr (left uncommitted: the
# working tree is what --base compares).
repo() {
  local dir=$WORK/pr-$1 src=$2 file=$3
  rm -rf "$dir" 2>/dev/null || rm -rf "$dir"
  mkdir -p "$dir"
  cp -r "$src"/. "$dir"/
  (
    cd "$dir"
    git init -q -b main
    git -c user.name=bench -c user.email=bench@example.com add -A
    git -c user.name=bench -c user.email=bench@example.com commit -qm data
    git checkout -q -b pr
    # One figure changed: the first value of the file, by one tenth.
    python3 - "$file" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
m = re.search(r"value: (-?\d+(?:\.\d+)?)", s)
v = float(m.group(1)) + 0.1
open(p, "w", encoding="utf-8").write(s[: m.start(1)] + f"{v:.2f}" + s[m.end(1) :])
EOF
  )
  echo "$dir"
}

DATA=$WORK/data-$N
if [ ! -f "$DATA/planted.tsv" ]; then
  rm -rf "$DATA"
  "$GEN" "$DATA" --reports "$N" >&2
fi
BIG_REPO=$(repo "$N" "$DATA" progress/2023/eco-env.yaml)
PLAN_ARGS=()
[ -d "$BIG_REPO/plan" ] && PLAN_ARGS=(--plan plan)
EXAMPLE_REPO=$(repo example fixtures/example progress/2023/eco-env.yaml)

# --- measuring -------------------------------------------------------------------
# once NAME DIR CMD...: one run with the files in the page cache; its wall time
# (perf_counter, in milliseconds) joins NAME's list, its peak memory (/usr/bin/time)
# is kept when the largest. Exit 1 is findings; anything else stops the bench.
declare -A TIMES MEM
once() {
  local name=$1 dir=$2; shift 2
  local ms kb
  find "$dir" -path "$dir/.git" -prune -o -type f -exec cat {} + >/dev/null
  ms=$(cd "$dir" && python3 - "$WORK/time.txt" "$@" <<'PY'
import subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", sys.argv[1]] + sys.argv[2:],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
ms = (time.perf_counter() - t) * 1000
if r.returncode not in (0, 1):
    sys.exit(f"exit {r.returncode}")
print(f"{ms:.1f}")
PY
) || { say "!! $name failed"; exit 1; }
  read -r kb < <(tail -1 "$WORK/time.txt")
  TIMES[$name]+="$ms "
  ((kb > ${MEM[$name]:-0})) && MEM[$name]=$kb
  return 0
}
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

CHECK=(check --data-root progress --today 2026-06-30 --format json)
say "== $N reports, one changed; $RUNS rounds"
for ((r = 1; r <= RUNS; r++)); do
  once full "$BIG_REPO" "$PL" "${PLAN_ARGS[@]}" "${CHECK[@]}"
  once base "$BIG_REPO" "$PL" "${PLAN_ARGS[@]}" "${CHECK[@]}" --base main
  # The small repository's runs take milliseconds: three of each per round.
  for _ in 1 2 3; do
    once example-full "$EXAMPLE_REPO" "$PL" "${CHECK[@]}"
    once example-base "$EXAMPLE_REPO" "$PL" "${CHECK[@]}" --base main
  done
done
declare -A WALL
for name in full base example-full example-base; do
  WALL[$name]=$(median "${TIMES[$name]}")
  say "   $name: ${WALL[$name]} ms, $((MEM[$name] / 1024)) MB (runs: ${TIMES[$name]% })"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

cat <<EOF
## Pull-request mode

$(date -u +%Y-%m-%d), $(nproc) cores, plan-lint $($PL --version | awk '{print $2}') at $(git -C "$ROOT" rev-parse --short HEAD); median of $RUNS runs (the example's: of $((RUNS * 3))), wall time of the process.

| repository | full check | \`check --base main\` (one report changed) | ratio | peak memory (full / base) |
|---|--:|--:|--:|--:|
| $N generated reports | ${WALL[full]} ms | ${WALL[base]} ms | $(ratio "${WALL[base]}" "${WALL[full]}")× | $((MEM[full] / 1024)) / $((MEM[base] / 1024)) MB |
| fixtures/example | ${WALL[example-full]} ms | ${WALL[example-base]} ms | $(ratio "${WALL[example-base]}" "${WALL[example-full]}")× | $((MEM[example-full] / 1024)) / $((MEM[example-base] / 1024)) MB |
EOF

#!/usr/bin/env bash
# plan-lint against its peers on the same generated files, in one run.
#
#   bash bench/compare.sh            # 10,000 reports (and 100,000 for linear growth)
#   N=2000 BIG=0 bash bench/compare.sh   # smaller, no 100,000 run
#
# Installs the peers it measures (check-jsonschema from PyPI into a virtualenv,
# ajv-cli and js-yaml from npm into a local prefix), generates the data with
# examples/generate, and prints a markdown table: wall time (median of RUNS rounds),
# files per second, peak memory (/usr/bin/time), the ratios, and the one-report
# process time. The peers check the report schema only; plan-lint runs the
# full check (schema, every rule, history) with the built-in plan and the
# generated synthetic plan. The parse floor is examples/parse_floor:
# saphyr-parser's span-carrying event stream over the same files, on the same cores;
# with --tree, plan-lint's own loader (the fast scanner) building its span tree.
# "The same files" are the files plan-lint parses: the reports and, for a data
# set that has one, the synthetic plan's catalog (18% of the bytes at 10,000
# reports); the loader over the reports alone is shown beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${N:-10000}
BIG=${BIG:-100000}        # 0 skips the linear-growth run
RUNS=${RUNS:-5}           # rounds: each runs every fast tool once; check-jsonschema runs once (about three minutes)
WORK=${WORK:-/tmp/plan-lint-bench}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
mkdir -p "$WORK"

say() { printf '%s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------
# The dist profile (Cargo.toml): the release build with link-time optimisation,
# the build to ship; the parse floor is built the same way.
say "== building plan-lint, the generator and the parse floor (dist profile)"
cargo build --profile dist --quiet --bin plan-lint --example generate --example parse_floor
PL=$CARGO_TARGET_DIR/dist/plan-lint
GEN=$CARGO_TARGET_DIR/dist/examples/generate
FLOOR=$CARGO_TARGET_DIR/dist/examples/parse_floor

if [ ! -x "$WORK/venv/bin/check-jsonschema" ]; then
  say "== installing check-jsonschema (PyPI)"
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install --quiet check-jsonschema
fi
CJS=$WORK/venv/bin/check-jsonschema

if [ ! -x "$WORK/node/node_modules/.bin/ajv" ]; then
  say "== installing ajv-cli and js-yaml (npm)"
  mkdir -p "$WORK/node"
  (cd "$WORK/node" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund ajv-cli js-yaml >/dev/null)
fi
AJV=$WORK/node/node_modules/.bin/ajv
# ajv-cli reads .yaml files itself, with js-yaml's default (YAML 1.1) schema,
# which turns `submitted: 2024-01-18` into a Date that the report schema (a
# string pattern) rejects. A preloaded shim makes its js-yaml use the YAML 1.2
# core schema, as plan-lint does (dates stay strings); nothing else changes.
cat >"$WORK/node/core-yaml.js" <<'JS'
const Module = require("module");
const load = Module._load;
Module._load = function (request) {
  const m = load.apply(this, arguments);
  if (request === "js-yaml" && !m.__core) {
    return Object.assign({}, m, {
      __core: true,
      safeLoad: (s, o) => m.safeLoad(s, Object.assign({ schema: m.CORE_SCHEMA }, o)),
      load: (s, o) => m.load(s, Object.assign({ schema: m.CORE_SCHEMA }, o)),
    });
  }
  return m;
};
JS
AJVY=(node -r "$WORK/node/core-yaml.js" "$WORK/node/node_modules/ajv-cli/dist/index.js" validate --spec=draft2020 --strict=false -s "$ROOT/schemas/report.schema.json" -d)

# --- data --------------------------------------------------------------------
gen() { # N DIR
  if [ ! -f "$2/planted.tsv" ]; then
    rm -rf "$2"
    "$GEN" "$2" --reports "$1" >&2
  fi
}
DATA=$WORK/data-$N
gen "$N" "$DATA"
# One report alone: a data root holding only it (the built-in plan's eco-env 2023).
ONE=$WORK/one
rm -rf "$ONE" && mkdir -p "$ONE/progress/2023"
cp "$DATA/progress/2023/eco-env.yaml" "$ONE/progress/2023/eco-env.yaml"
SCHEMA=$ROOT/schemas/report.schema.json

# --- measuring -----------------------------------------------------------------
# warm DIR: reads every file under DIR, so that each tool finds them in the page
# cache (this VM lets go of it between tools: a cold 100,000 run waits on the
# disk for most of its time) and every tool is timed on the same footing.
warm() { find "$1" -type f -exec cat {} + >/dev/null; }

# once NAME DIR CMD...: one run of a tool with its files in the page cache; its
# wall time joins NAME's list, its peak memory is kept when the largest.
declare -A TIMES WALL MEM
once() {
  local name=$1 dir=$2; shift 2
  local secs kb
  warm "$dir"
  (cd "$dir" && /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt") || {
    # plan-lint exits 1 on findings, check-jsonschema/ajv on invalid files: the clean data has none.
    say "!! $name failed"; tail -5 "$WORK/err.txt" >&2; tail -5 "$WORK/out.txt" >&2
  }
  read -r secs kb < <(tail -1 "$WORK/time.txt")
  TIMES[$name]+="$secs "
  ((kb > ${MEM[$name]:-0})) && MEM[$name]=$kb
  return 0
}

# settle NAME: NAME's wall time is the median of its runs.
settle() {
  local name=$1
  # shellcheck disable=SC2086 # the list is words
  WALL[$name]=$(printf '%s\n' ${TIMES[$name]} | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  say "   $name: ${WALL[$name]} s, $((MEM[$name] / 1024)) MB (runs: ${TIMES[$name]% })"
}

# one_report NAME CMD...: the median process time of 21 runs, in milliseconds.
declare -A ONE_MS
one_report() {
  local name=$1; shift
  ONE_MS[$name]=$(cd "$ONE" && python3 - "$@" <<'EOF'
import subprocess, sys, time
ts = []
for _ in range(21):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
ts.sort()
print(f"{ts[len(ts) // 2] * 1000:.1f}")
EOF
)
  say "   $name one report: ${ONE_MS[$name]} ms"
}

PLAN_ARGS=()
PARSED=(progress)         # what plan-lint parses: the reports, and the plan when it is a file set
[ -d "$DATA/plan" ] && PLAN_ARGS=(--plan plan) && PARSED+=(plan)
BIGDATA=$WORK/data-$BIG
[ "$BIG" != 0 ] && gen "$BIG" "$BIGDATA"
say "== $N reports ($(du -sh "$DATA/progress" | cut -f1)), $(nproc) cores; $RUNS rounds"
# The wall time of this VM drifts by a third within minutes. The ratios compare
# runs made side by side: each round runs every fast tool once, one after
# another, plan-lint's loader and the 100,000 run right after plan-lint.
for ((r = 1; r <= RUNS; r++)); do
  say "   round $r"
  once plan-lint "$DATA" "$PL" "${PLAN_ARGS[@]}" check --data-root progress --today 2026-06-30
  once tree "$DATA" "$FLOOR" --tree "${PARSED[@]}"
  once tree-reports "$DATA" "$FLOOR" --tree progress
  [ "$BIG" != 0 ] && once plan-lint-big "$BIGDATA" "$PL" --plan plan check --data-root progress --today 2026-06-30
  once floor "$DATA" "$FLOOR" "${PARSED[@]}"
  once ajv "$DATA" "${AJVY[@]}" "progress/**/*.yaml"
done
once check-jsonschema "$DATA" bash -c "exec '$CJS' --schemafile '$SCHEMA' progress/*/*.yaml"
for name in plan-lint tree tree-reports floor ajv check-jsonschema; do settle "$name"; done
[ "$BIG" != 0 ] && settle plan-lint-big
say "== one report alone"
one_report plan-lint "$PL" check --data-root progress --today 2026-06-30
one_report ajv "${AJVY[@]}" "progress/**/*.yaml"
one_report check-jsonschema "$CJS" --schemafile "$SCHEMA" progress/2023/eco-env.yaml

# --- table ---------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
fps() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
version_of() { "$@" 2>/dev/null | head -1; }
cat <<EOF
## Results

$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB;
plan-lint $($PL --version | awk '{print $2}') (dist profile: release with fat LTO, rustc $(rustc --version | awk '{print $2}')),
ajv-cli $(cd "$WORK/node" && node -p "require('ajv-cli/package.json').version") with its js-yaml $(cd "$WORK/node" && node -p "require('ajv-cli/node_modules/js-yaml/package.json').version") on Node $(node --version),
check-jsonschema $("$WORK/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("check-jsonschema"))') on Python $(python3 --version | awk '{print $2}').
$N generated reports, $(du -sb "$DATA/progress" | cut -f1) bytes; median of $RUNS rounds, each running every tool once in turn (check-jsonschema: one run).

| tool | what it checks | $N reports | files/s | peak memory | one report alone |
|---|---|---|---|---|---|
| plan-lint | schema, every rule, history | ${WALL[plan-lint]} s | $(fps "$N" "${WALL[plan-lint]}") | $((MEM[plan-lint] / 1024)) MB | ${ONE_MS[plan-lint]} ms |
| ajv-cli + js-yaml (YAML 1.2 core schema) | schema | ${WALL[ajv]} s | $(fps "$N" "${WALL[ajv]}") | $((MEM[ajv] / 1024)) MB | ${ONE_MS[ajv]} ms |
| check-jsonschema | schema | ${WALL[check-jsonschema]} s | $(fps "$N" "${WALL[check-jsonschema]}") | $((MEM[check-jsonschema] / 1024)) MB | ${ONE_MS[check-jsonschema]} ms |
| parse floor (saphyr-parser events; ${PARSED[*]}) | YAML syntax | ${WALL[floor]} s | $(fps "$N" "${WALL[floor]}") | $((MEM[floor] / 1024)) MB | |
| plan-lint's loader alone (fast scanner, span tree; ${PARSED[*]}) | YAML syntax | ${WALL[tree]} s | $(fps "$N" "${WALL[tree]}") | $((MEM[tree] / 1024)) MB | |
| plan-lint's loader alone, the reports only | YAML syntax | ${WALL[tree-reports]} s | $(fps "$N" "${WALL[tree-reports]}") | $((MEM[tree-reports] / 1024)) MB | |

| target | goal | measured |
|---|---|---|
| $N reports, wall | ≤ 0.5 s | ${WALL[plan-lint]} s |
| faster than ajv-cli | ≥ 4× | $(ratio "${WALL[ajv]}" "${WALL[plan-lint]}")× |
| faster than check-jsonschema | ≥ 200× | $(ratio "${WALL[check-jsonschema]}" "${WALL[plan-lint]}")× |
| against the parse floor (saphyr-parser events) | ≤ 2× | $(ratio "${WALL[plan-lint]}" "${WALL[floor]}")× |
| against plan-lint's own loader alone | ≤ 2× | $(ratio "${WALL[plan-lint]}" "${WALL[tree]}")× (against the reports alone: $(ratio "${WALL[plan-lint]}" "${WALL[tree-reports]}")×) |
| one report alone | < 10 ms | ${ONE_MS[plan-lint]} ms |
| peak memory at $N | < 100 MB | $((MEM[plan-lint] / 1024)) MB |
EOF
if [ "$BIG" != 0 ]; then
  echo "| $BIG reports against $N | ≤ 11× | $(ratio "${WALL[plan-lint-big]}" "${WALL[plan-lint]}")× (${WALL[plan-lint-big]} s, $((MEM[plan-lint-big] / 1024)) MB) |"
fi

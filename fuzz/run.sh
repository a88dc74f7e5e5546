#!/usr/bin/env bash
# Builds the fuzz targets with cargo-afl (AFL++, stable toolchain) and runs
# each for SECONDS, all in parallel, seeded from the repository's fixtures.
#
#   fuzz/run.sh SECONDS [TARGET ...]      targets: yaml_load check_report (default: both)
#
# Findings land in fuzz/out/TARGET/default/{crashes,hangs}; the script prints
# executions, corpus size, crashes and hangs per target and exits 1 if any
# target crashed or hung. No system settings are changed: AFL's checks of CPU
# frequency scaling and core_pattern are relaxed through its environment
# variables instead, so it runs unprivileged and in CI alike.
set -euo pipefail
cd "$(dirname "$0")"

secs=${1:?usage: fuzz/run.sh SECONDS [TARGET ...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml_load check_report)

if ! cargo afl --version >/dev/null 2>&1; then
  cargo install cargo-afl --version 0.18.2 --locked
fi
# `cargo install cargo-afl` builds the AFL++ runtime for the current rustc;
# build it if this rustc has none (the command fails when it exists: fine).
cargo afl config --build >/dev/null 2>&1 || true

export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-$PWD/target}
export AFL_SKIP_CPUFREQ=1                       # CPU governor not set to performance
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1  # core_pattern pipes to a crash handler
export AFL_NO_UI=1                              # plain status lines, for logs
export AFL_TRY_AFFINITY=1                       # bind to a free core if there is one, else go on

cargo afl build --release --bins --quiet

# Seeds: every report of the example data and the rule fixtures, and the
# hostile inputs, named by their path so that none overwrites another.
seeds=out/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
while IFS= read -r f; do
  cp "$f" "$seeds/$(echo "${f#../}" | tr '/' '_')"
done < <(find ../fixtures/example/progress ../fixtures/rules -path '*/progress/*' -type f -name '*.y*ml'
         find ../fixtures/hostile -type f -size -64k 2>/dev/null || true)

pids=()
for t in "${targets[@]}"; do
  rm -rf "out/$t"
  # -V: stop after SECONDS; -t: an input that takes over a second is a hang.
  cargo afl fuzz -V "$secs" -t 1000 -i "$seeds" -o "out/$t" "$CARGO_TARGET_DIR/release/$t" \
    >"out/$t.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done

printf '%-14s %12s %8s %8s %6s\n' target executions corpus crashes hangs
for t in "${targets[@]}"; do
  stats="out/$t/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    echo "$t: AFL did not start; see fuzz/out/$t.log:" >&2
    tail -20 "out/$t.log" >&2
    status=1
    continue
  fi
  get() { awk -F' *: *' -v k="$1" '$1 == k {print $2}' "$stats"; }
  printf '%-14s %12s %8s %8s %6s\n' "$t" "$(get execs_done)" "$(get corpus_count)" \
    "$(get saved_crashes)" "$(get saved_hangs)"
  if [ "$(get saved_crashes)" != 0 ] || [ "$(get saved_hangs)" != 0 ]; then status=1; fi
done
exit $status

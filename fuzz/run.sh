#!/usr/bin/env bash
# Builds the fuzz targets for AFL++ (cargo-afl, stable toolchain) and runs
# each for SECONDS, all in parallel, seeded from the repository's fixtures.
#
#   fuzz/run.sh SECONDS [TARGET ...]      targets: yaml_load check_report workbook_read
#
# Without TARGETs all three run in SECONDS, two at a time (CI's two cores):
# yaml_load for SECONDS, while check_report and workbook_read take turns in
# the other slot, half of SECONDS each, so the workbook reader adds no
# minutes. Named TARGETs each run for SECONDS, all in parallel.
#
# Findings land in fuzz/out/TARGET/default/{crashes,hangs} (ignored by git);
# the script prints executions, corpus size, crashes and hangs per target,
# shows what each crashing input does, and exits 1 if any target crashed or
# hung. No system settings are changed: AFL's checks of CPU frequency scaling
# and core_pattern are relaxed through its environment variables instead, so
# it runs unprivileged and in CI alike.
#
# The build instruments only this workspace's code (the plan_lint and
# plan_lint_yaml libraries and the two targets), compiled with debug
# assertions and overflow checks; the dependencies are the release build's
# own, shared through the workspace's target directory (CARGO_TARGET_DIR, or
# FUZZ_TARGET_DIR for this script alone), so after `cargo build --release`
# only the workspace's crates are compiled. See "Fuzzing" in the README for
# why and what that leaves out.
set -euo pipefail
cd "$(dirname "$0")"

secs=${1:?usage: fuzz/run.sh SECONDS [TARGET ...]}
shift
targets=("$@")
turns=0
if [ ${#targets[@]} -eq 0 ]; then
  targets=(yaml_load check_report workbook_read)
  turns=1
fi

t0=$SECONDS
cargo_afl_version=0.18.2 # the same minor version as the afl crate in Cargo.toml
if ! cargo afl --version >/dev/null 2>&1; then
  echo "== installing cargo-afl $cargo_afl_version (builds the AFL++ runtime too)"
  cargo install cargo-afl --version "$cargo_afl_version" --locked --quiet
fi
# `cargo install cargo-afl` builds the AFL++ runtime for the current rustc;
# build it if this rustc has none (the command fails when it exists: fine).
cargo afl config --build >/dev/null 2>&1 || true
t_install=$((SECONDS - t0))

export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}}
mkdir -p "$CARGO_TARGET_DIR"

# cargo-afl's compiler flags (coverage instrumentation, `--cfg fuzzing`, debug
# assertions, overflow checks, opt-level 3 or AFL_OPT_LEVEL, the AFL++ runtime
# to link), read by letting it run `printenv RUSTFLAGS` in place of cargo.
# `cargo afl build` would give them to every crate through RUSTFLAGS and so
# rebuild the whole dependency tree with them (13 minutes on 2 cores); here
# they go only to the workspace's own crates, through RUSTC_WORKSPACE_WRAPPER.
# Left out: codegen-units=1, a work-around for linkers of 2021 that makes the
# plan_lint crate one long single-threaded job.
cargo_afl=$(command -v cargo-afl || echo "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-afl")
read -r -a flags <<<"$(CARGO=printenv "$cargo_afl" afl RUSTFLAGS | tr '\n' ' ')"
case " ${flags[*]} " in
  *" passes=sancov-module "*" -Clink-arg="*) ;;
  *)
    echo "cargo-afl gave no instrumentation flags: ${flags[*]}" >&2
    exit 1
    ;;
esac
kept=()
for ((i = 0; i < ${#flags[@]}; i++)); do
  if [ "${flags[i]}" = -C ] && [[ ${flags[i + 1]:-} == codegen-units=* ]]; then
    i=$((i + 1))
    continue
  fi
  kept+=("${flags[i]}")
done

# The wrapper's path is part of the workspace crates' artifact hash: naming it
# after its flags keeps the instrumented plan_lint apart from the release one,
# and rebuilds it when the flags change.
body=$(
  printf '#!/usr/bin/env bash\n# Written by fuzz/run.sh: instruments the workspace crates for AFL++.\n'
  printf 'case " $* " in *" --crate-name build_script_build "*) exec "$@" ;; esac\n'
  printf 'exec "$@"'
  printf ' %q' "${kept[@]}"
  printf '\n'
)
wrapper=$CARGO_TARGET_DIR/afl-rustc-$(printf '%s' "$body" | sha256sum | cut -c1-12)
[ -x "$wrapper" ] || { printf '%s\n' "$body" >"$wrapper.tmp" && chmod +x "$wrapper.tmp" && mv "$wrapper.tmp" "$wrapper"; }

t0=$SECONDS
RUSTC_WORKSPACE_WRAPPER=$wrapper cargo build --release --locked --quiet -p plan-lint-fuzz --bins
t_build=$((SECONDS - t0))

export AFL_SKIP_CPUFREQ=1                       # CPU governor not set to performance
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1  # core_pattern pipes to a crash handler
export AFL_NO_UI=1                              # plain status lines, for logs
export AFL_TRY_AFFINITY=1                       # bind to a free core if there is one, else go on

# Seeds: every report of the example data and the rule fixtures, and the
# hostile inputs, named by their path so that none overwrites another.
seeds=out/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
while IFS= read -r f; do
  cp "$f" "$seeds/$(echo "${f#../}" | tr '/' '_')"
done < <(find ../fixtures/example/progress ../fixtures/rules -path '*/progress/*' -type f -name '*.y*ml'
         find ../fixtures/hostile -type f -size -64k 2>/dev/null || true)

# workbook_read builds its workbooks from its input: its seeds are a few
# such inputs (any bytes will do) and the workbooks of the tests.
wseeds=out/seeds-workbook
rm -rf "$wseeds"
mkdir -p "$wseeds"
printf '\x02\x01\x00\x40\x00\x01\x00\x00\x00' >"$wseeds/one-cell"
printf '\x01\x01\x00\x01\x10\x02\x00\x00\x00\x01\x02\x00\x00\x00\x05\x03\x02\x05\x00\x00\x00\x03' >"$wseeds/headers"
find ../fixtures -type f -name '*.xlsx' -size -64k -exec cp {} "$wseeds/" \; 2>/dev/null || true

# One fuzzer: TARGET for SECS seconds.
fuzz_one() {
  local t=$1 secs=$2 in=$seeds
  [ "$t" = workbook_read ] && in=$wseeds
  rm -rf "out/$t"
  # -V: stop after SECS; -t: an input that takes over a second is a hang.
  cargo afl fuzz -V "$secs" -t 1000 -i "$in" -o "out/$t" "$CARGO_TARGET_DIR/release/$t" \
    >"out/$t.log" 2>&1
}

t0=$SECONDS
pids=()
if [ $turns = 1 ]; then
  fuzz_one yaml_load "$secs" &
  pids+=($!)
  half=$(((secs + 1) / 2))
  (
    s1=0 s2=0
    fuzz_one check_report "$half" || s1=$?
    fuzz_one workbook_read "$half" || s2=$?
    exit $((s1 | s2))
  ) &
  pids+=($!)
else
  for t in "${targets[@]}"; do
    fuzz_one "$t" "$secs" &
    pids+=($!)
  done
fi
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
t_run=$((SECONDS - t0))

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
echo "fuzz: cargo-afl ${t_install}s, build ${t_build}s, fuzzing ${t_run}s"

# The first findings, replayed outside AFL (the target reads one input from
# standard input), so that the log shows the panic; the inputs stay in fuzz/out.
for t in "${targets[@]}"; do
  for kind in crashes hangs; do
    shown=0
    for f in "out/$t/default/$kind"/id:*; do
      [ -f "$f" ] && [ $shown -lt 3 ] || continue
      shown=$((shown + 1))
      echo "== $t, $kind: fuzz/$f (replay: $CARGO_TARGET_DIR/release/$t < fuzz/$f)" >&2
      timeout 10 bash -c '"$1" <"$2"; echo "(exit status $?)"' _ "$CARGO_TARGET_DIR/release/$t" "$f" 2>&1 |
        tail -15 >&2 || true
    done
  done
done
exit $status

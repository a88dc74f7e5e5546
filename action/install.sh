#!/usr/bin/env bash
# Installs plan-lint for the Action: the Python package that carries the prebuilt
# binary (pip, seconds, no Rust), pinned to INPUT_VERSION; or, with
# INPUT_FROM_SOURCE=true, a build of the Action's own checkout with cargo (minutes,
# needs Rust) for a commit that has no release yet.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if command -v plan-lint >/dev/null 2>&1 && [ "${PLAN_LINT_REINSTALL:-}" != "1" ]; then
  plan-lint --version
  exit 0
fi
if [ "${INPUT_FROM_SOURCE:-false}" = "true" ]; then
  cargo install --locked --quiet --path "$here"
else
  # The version this Action pins; PIP_INDEX_URL / PIP_FIND_LINKS point pip at an
  # office's mirror. A virtualenv of its own, so no system Python is touched.
  version=${INPUT_VERSION:-$(sed -n 's/^version = "\(.*\)"/\1/p' "$here/Cargo.toml" | head -n 1)}
  venv=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/plan-lint-venv
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "plan-lint==$version"
  if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$venv/bin" >> "$GITHUB_PATH"
  fi
  export PATH="$venv/bin:$PATH"
fi
plan-lint --version

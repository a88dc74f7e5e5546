#!/usr/bin/env bash
# Builds and installs plan-lint from the Action's own checkout (the version the workflow pinned).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if command -v plan-lint >/dev/null 2>&1 && [ "${PLAN_LINT_REINSTALL:-}" != "1" ]; then
  plan-lint --version
  exit 0
fi
cargo install --locked --quiet --path "$here"
plan-lint --version

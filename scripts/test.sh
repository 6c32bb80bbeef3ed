#!/usr/bin/env bash
# The whole test suite, on any machine: installs what is missing, then runs every package's
# tests against a real database (SINGLESTOREDB_URL, or a throwaway MariaDB the harness starts).
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/bootstrap.sh || exit 1
rm -rf .test-results .turbo/runs
# --continue: one failing package must not hide the results of the others.
pnpm exec turbo run test --concurrency=2 --continue --summarize --output-logs=new-only
status=$?
node scripts/test-summary.mjs || status=1
exit $status

#!/usr/bin/env bash
# The demo: against SINGLESTOREDB_URL when set, else a throwaway local server it starts itself.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/bootstrap.sh >/dev/null
pnpm --silent --filter @s2/demo start

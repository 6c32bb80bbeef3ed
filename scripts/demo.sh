#!/usr/bin/env bash
# The demo: against SINGLESTOREDB_URL when set, else a throwaway local server it starts itself.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/bootstrap.sh >/dev/null
if [ ! -f apps/demo/package.json ]; then
  echo "The demo arrives with the @s2/sdk issue; it is not in this checkout yet."
  exit 0
fi
pnpm exec turbo run build --filter=@s2/demo^... --output-logs=errors-only >/dev/null
pnpm --filter @s2/demo start

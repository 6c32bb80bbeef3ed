#!/usr/bin/env bash
# Installs what a fresh machine lacks, then the workspace's packages:
# pnpm 10 (npm); MariaDB and openssl (the throwaway test server and its TLS certificates);
# Chromium (the browser test); Debian's Rust with the wasm32 standard library (to check the
# committed .wasm against a fresh rebuild).
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The @s2/http browser test drives Debian's Chromium through playwright-core.
[ "${S2_SKIP_BROWSER:-0}" = 1 ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "${S2_SKIP_RUST:-0}" != 1 ]; then
  [ -x /usr/bin/rustc ] || missing+=(rustc)
  [ -d /usr/lib/rustlib/wasm32-unknown-unknown ] || missing+=(libstd-rust-dev-wasm32)
  command -v rust-lld >/dev/null 2>&1 || command -v wasm-ld >/dev/null 2>&1 || missing+=(lld)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]} from Debian"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "bootstrap: need root (or sudo) to install: ${missing[*]}" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != 10 ]; then
  echo "bootstrap: installing pnpm 10 with npm"
  npm install --global --no-fund --no-audit pnpm@10 >/dev/null
fi

pnpm install --frozen-lockfile --prefer-offline

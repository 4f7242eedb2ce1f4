#!/usr/bin/env bash
# Make sure the browser tests can run: Debian's Chromium (installed with apt-get when absent) and
# the pinned npm packages (playwright-core drives /usr/bin/chromium; it never downloads a browser).
set -euo pipefail
cd "$(dirname "$0")"

if [[ -z "${CHROMIUM:-}" ]] && ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium (needed by the browser tests)"
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
  echo "error: the browser tests need Node.js and npm (e.g. apt-get install nodejs npm)" >&2
  exit 1
fi
if [[ ! -d node_modules/playwright-core || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "== npm ci (tests/browser)"
  npm ci --no-audit --no-fund --loglevel=error
fi

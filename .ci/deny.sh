#!/usr/bin/env bash
# Supply chain: cargo-deny's bans, licenses and sources always; RustSec advisories whenever the
# advisory database can be fetched (or a copy is already in ~/.cargo/advisory-dbs). Where the
# database host cannot be reached at all, the advisories check is reported as NOT RUN (loudly);
# set STEPDOC_REQUIRE_ADVISORIES=1 to make that a failure. Policy for exceptions: deny.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-deny >/dev/null 2>&1; then
  echo "== installing cargo-deny"
  cargo install cargo-deny --locked --quiet
fi
cargo fetch --locked --quiet

echo "== cargo deny check bans licenses sources"
cargo deny --log-level error check bans licenses sources

echo "== cargo deny check advisories"
log="$(mktemp)"
if cargo deny --log-level error check advisories 2>"$log" \
  || { grep -q "failed to fetch advisory database" "$log" \
       && cargo deny --offline --log-level error check advisories 2>"$log"; }; then
  echo "advisories ok"
elif grep -q -e "failed to fetch advisory database" -e "advisory-dbs/.*No such file" -e "cannot change to .*advisory-dbs" "$log"; then
  echo "::warning::RustSec advisory database unreachable from this network: advisories NOT checked" >&2
  sed -n '1,3p' "$log" >&2
  if [[ "${STEPDOC_REQUIRE_ADVISORIES:-0}" == 1 ]]; then
    exit 1
  fi
else
  cat "$log" >&2
  exit 1
fi

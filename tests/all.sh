#!/usr/bin/env bash
# Every test of stepdoc: the Rust suite (unit, integration, snapshot and property tests), then
# the end-to-end tests of the built site in headless Chromium. Fails on the first failing part;
# ends with one summary line, the counts per suite.
set -euo pipefail
cd "$(dirname "$0")/.."
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# "passed failed ignored" summed over the `test result:` lines of cargo's output.
rust_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) g += $i } }
       END { printf "%d passed, %d failed, %d ignored", p, f, g }' "$1"
}

# "passed failed" from node's test reporter (`ℹ pass N`, `ℹ fail N`).
node_counts() {
  awk '$2 == "pass" && NF == 3 { p = $3 } $2 == "fail" && NF == 3 { f = $3 } END { printf "%d passed, %d failed", p, f }' "$1"
}

echo "== cargo test"
if ! cargo test --locked 2>&1 | tee "$logs/rust"; then
  echo "== summary: FAILED: Rust suite $(rust_counts "$logs/rust"); browser tests not run"
  exit 1
fi

echo "== browser tests (headless Chromium; screenshots in target/browser-artifacts/)"
bash tests/browser/setup.sh
if ! STEPDOC_BIN="$(pwd)/target/debug/stepdoc" npm --prefix tests/browser test 2>&1 | tee "$logs/browser"; then
  echo "== summary: FAILED: Rust suite $(rust_counts "$logs/rust"); browser $(node_counts "$logs/browser")"
  exit 1
fi
echo "== summary: ok: Rust suite $(rust_counts "$logs/rust"); browser $(node_counts "$logs/browser")"

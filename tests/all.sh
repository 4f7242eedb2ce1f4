#!/usr/bin/env bash
# Every test of stepdoc: the Rust suite (unit, integration, snapshot and property tests), then
# the end-to-end tests of the built site in headless Chromium. Fails on the first failing part.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test"
cargo test --locked

echo "== browser tests (headless Chromium; screenshots in target/browser-artifacts/)"
bash tests/browser/setup.sh
STEPDOC_BIN="$(pwd)/target/debug/stepdoc" npm --prefix tests/browser test

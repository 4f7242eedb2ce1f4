#!/usr/bin/env bash
# Run one fuzz target for N seconds, seeding its corpus from the shipped content first.
#   fuzz/run.sh TARGET [SECONDS]      TARGET: guide | ftl | markdown | paths | all
# Uses the nightly toolchain with AddressSanitizer when present, otherwise the stable toolchain
# without a sanitizer (coverage-guided all the same). Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
root=..
target="${1:?usage: fuzz/run.sh guide|ftl|markdown|paths|all [SECONDS]}"
seconds="${2:-60}"

if cargo +nightly --version >/dev/null 2>&1; then
  fuzz=(cargo +nightly fuzz)
  sanitizer=address
else
  fuzz=(cargo fuzz)
  sanitizer=none
fi

# The targets keep their fixture directories in statics, which are never dropped: give the run a
# scratch directory of its own (also as TMPDIR) and remove it at the end, even after a crash.
scratch_base=/dev/shm
[[ -d "$scratch_base" && -w "$scratch_base" ]] || scratch_base="${TMPDIR:-/tmp}"
scratch="$(mktemp -d "$scratch_base/stepdoc-fuzz-run.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
export STEPDOC_FUZZ_SCRATCH="$scratch" TMPDIR="$scratch"

seed() {
  local name="$1" dir="corpus/$1"
  mkdir -p "$dir"
  case "$name" in
    guide)
      for f in "$root"/content/*/guide.yaml "$root"/tests/fixtures/*/content/*/guide.yaml; do
        cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
      done ;;
    ftl)
      for f in "$root"/locales/*/*.ftl "$root"/tests/fixtures/*/locales/*/*.ftl; do
        cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
      done ;;
    markdown)
      # Every quoted or plain text line of the shipped guides and translations.
      local i=0
      grep -h -E '^\s*[a-z-]+( =|:) ' "$root"/content/*/guide.yaml "$root"/locales/*/*.ftl \
        | sed -E 's/^\s*[a-z-]+( =|:) //' | sort -u | while IFS= read -r line; do
          i=$((i + 1)); printf '%s' "$line" > "$dir/line-$i"
        done ;;
    paths)
      (cd "$root/content" && find . -path '*/images/*' -type f) | sed -E 's#^\./[^/]+/images/([a-z]{2}/)?##' \
        | sort -u | while IFS= read -r name; do printf '%s' "$name" > "$dir/$(echo "$name" | tr '/' '_')"; done
      printf '../secret.png' > "$dir/dotdot"
      printf 'en/Logo.PNG' > "$dir/case"
      printf 'link.png' > "$dir/symlink" ;;
  esac
}

run() {
  seed "$1"
  echo "== fuzz $1 for ${seconds}s (sanitizer: $sanitizer)"
  "${fuzz[@]}" run --sanitizer "$sanitizer" "$1" "corpus/$1" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
}

if [[ "$target" == all ]]; then
  for t in guide ftl markdown paths; do run "$t"; done
else
  run "$target"
fi

#!/usr/bin/env bash
# Side-by-side build benchmark: stepdoc vs Hugo on the same generated corpus.
#
#   bench/run.sh [N ...]      N = number of guides (default: 250 1000 5000); pages = 4 × N
#   RUNS=5 bench/run.sh 250   timed runs per tool after one warm-up (default 5)
#
# For each N: generate the corpus (../shared/bench/gen_corpus.py, seed 42) unless cached in
# bench/out, convert it for stepdoc, copy both tools' inputs to tmpfs (/dev/shm when present),
# then alternate stepdoc and Hugo builds, each into a fresh output directory on tmpfs, deleting
# outside the timed region. Records
# median wall time, CPU time and peak RSS (/usr/bin/time), pages/s and output size, the median of
# `stepdoc check` (no writing), and the floors: `cat` of all stepdoc inputs and pulldown-cmark alone
# (one thread) over the same Markdown Hugo gets. For the 1,000-guide corpus (4,000 pages) it also
# measures `stepdoc serve`'s rebuild after one .ftl message, one guide.yaml and one terms.ftl edit
# (SERVE_EDITS edits each, default 100: memory must stay flat over them). For every size it also
# measures what a reader's first search downloads (bench/search_bytes.mjs, with Node). Writes
# bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(250 1000 5000)
GEN="../shared/bench/gen_corpus.py"
OUT="bench/out"
TMP="/dev/shm"
[ -d "$TMP" ] && [ -w "$TMP" ] || TMP="$(mktemp -d)"
mkdir -p "$OUT"

if ! command -v hugo >/dev/null 2>&1; then
  echo "installing hugo (Debian package)" >&2
  apt-get install -y -qq hugo >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
  apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet
cargo build --release --quiet --example markdown_floor
STEPDOC="$PWD/target/release/stepdoc"
FLOOR_MD="$PWD/target/release/examples/markdown_floor"
SERVE_EDITS="${SERVE_EDITS:-100}"

# run_one NAME COMMAND... → prints "wall_s user_s sys_s maxrss_kb"
run_one() {
  local log
  log="$(mktemp)"
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>&1
  cat "$log"
  rm -f "$log"
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

results=()
for n in "${SIZES[@]}"; do
  corpus="$OUT/corpus-$n"
  site="$OUT/stepdoc-$n"
  if [ ! -f "$corpus/corpus.json" ] || [ ! -d "$corpus/hugo" ]; then
    python3 "$GEN" --guides "$n" --out "$corpus" --targets json,hugo >/dev/null
  fi
  python3 bench/corpus_to_stepdoc.py "$corpus" "$site"
  # A real site commits its translation lock: without one every translation is `untracked`.
  "$STEPDOC" i18n sync --root "$site" >/dev/null
  # Both tools read their input from tmpfs too: this VM drops the page cache of files on its disk
  # within seconds, so reads from bench/out would time the disk, differently for each run.
  rm -rf "$TMP/in-sd-$n" "$TMP/in-hugo-$n"
  cp -r "$site" "$TMP/in-sd-$n"
  cp -r "$corpus/hugo" "$TMP/in-hugo-$n"
  site="$TMP/in-sd-$n"
  hugo_src="$TMP/in-hugo-$n"
  pages=$((n * 4))
  : > "$OUT/times-stepdoc-$n" ; : > "$OUT/times-hugo-$n" ; : > "$OUT/times-check-$n" ; : > "$OUT/times-cat-$n"
  for i in $(seq 0 "$RUNS"); do
    c=$(run_one "$STEPDOC" check --root "$site")
    k=$(run_one sh -c "find '$site' -type f -print0 | xargs -0 cat > /dev/null")
    if [ "$i" -gt 0 ]; then
      echo "$c" >> "$OUT/times-check-$n"
      echo "$k" >> "$OUT/times-cat-$n"
    fi
  done
  md_floor=$("$FLOOR_MD" "$hugo_src/content" | sed -E 's/.* ([0-9.]+) s$/\1/')
  for i in $(seq 0 "$RUNS"); do
    rm -rf "$TMP/sd-$n" "$TMP/hugo-$n"
    s=$(run_one "$STEPDOC" build --root "$site" --out "$TMP/sd-$n")
    h=$(run_one hugo --quiet --source "$hugo_src" --destination "$TMP/hugo-$n")
    if [ "$i" -gt 0 ]; then   # run 0 is the warm-up
      echo "$s" >> "$OUT/times-stepdoc-$n"
      echo "$h" >> "$OUT/times-hugo-$n"
    fi
  done
  sd_wall=$(awk '{print $1}' "$OUT/times-stepdoc-$n" | median)
  sd_cpu=$(awk '{print $2+$3}' "$OUT/times-stepdoc-$n" | median)
  sd_rss=$(awk '{print $4}' "$OUT/times-stepdoc-$n" | median)
  hu_wall=$(awk '{print $1}' "$OUT/times-hugo-$n" | median)
  hu_cpu=$(awk '{print $2+$3}' "$OUT/times-hugo-$n" | median)
  hu_rss=$(awk '{print $4}' "$OUT/times-hugo-$n" | median)
  ck_wall=$(awk '{print $1}' "$OUT/times-check-$n" | median)
  cat_wall=$(awk '{print $1}' "$OUT/times-cat-$n" | median)
  sd_size=$(du -sk "$TMP/sd-$n" | awk '{print $1}')
  # What a reader's first search downloads (search.js + meta + shards + result documents).
  if command -v node >/dev/null 2>&1; then
    node bench/search_bytes.mjs "$TMP/sd-$n" 50 > "$OUT/search-$n"
  fi
  hu_size=$(du -sk "$TMP/hugo-$n" | awk '{print $1}')
  rm -rf "$TMP/sd-$n" "$TMP/hugo-$n" "$TMP/in-hugo-$n"
  results+=("$n $pages $sd_wall $sd_cpu $sd_rss $sd_size $hu_wall $hu_cpu $hu_rss $hu_size $ck_wall $cat_wall $md_floor")
  if [ "$n" = 1000 ]; then
    serve_site="$TMP/serve-$n"
    rm -rf "$serve_site"; cp -r "$site" "$serve_site"
    : > "$OUT/serve-$n"
    for kind in ftl yaml terms; do
      python3 bench/serve_latency.py "$STEPDOC" "$serve_site" --edits "$SERVE_EDITS" --kind "$kind" \
        | sed "s/^/$kind: /" >> "$OUT/serve-$n"
    done
    rm -rf "$serve_site"
  fi
  rm -rf "$site"
done

{
  echo "# Benchmark results"
  echo
  echo "Generated by \`bench/run.sh ${SIZES[*]}\` (RUNS=$RUNS, medians after one warm-up, inputs and outputs on $TMP)."
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); $(hugo version | cut -d' ' -f1-2);"
  echo "stepdoc commit $(git rev-parse --short HEAD)."
  echo
  echo "| pages | stepdoc wall | stepdoc CPU | stepdoc peak RSS | Hugo wall | Hugo CPU | Hugo peak RSS | stepdoc pages/s | output stepdoc / Hugo | stepdoc check | floor: cat inputs | floor: pulldown-cmark |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for r in "${results[@]}"; do
    read -r n pages sw sc sr ss hw hc hr hs cw kw mw <<<"$r"
    awk -v p="$pages" -v sw="$sw" -v sc="$sc" -v sr="$sr" -v ss="$ss" -v hw="$hw" -v hc="$hc" -v hr="$hr" -v hs="$hs" -v cw="$cw" -v kw="$kw" -v mw="$mw" \
      'BEGIN {printf "| %d | %.2f s | %.2f s | %d MiB | %.2f s | %.2f s | %d MiB | %d | %d / %d MiB | %.2f s (%.2f× build) | %.2f s | %.2f s |\n", p, sw, sc, sr/1024, hw, hc, hr/1024, p/sw, ss/1024, hs/1024, cw, cw/sw, kw, mw}'
  done
  echo
  echo "stepdoc's output also holds the search index of each language and the status page; review pages"
  echo "only for translations with work to do (none in these corpora). Hugo's is its plain site."
  for n in "${SIZES[@]}"; do
    if [ -s "$OUT/search-$n" ]; then
      echo
      echo "Search at $((n * 4)) pages (\`node bench/search_bytes.mjs\`: 50 query words of the index's vocabulary, each typed letter by letter; bytes gzipped):"
      echo
      echo '```'
      cat "$OUT/search-$n"
      echo '```'
    fi
  done
  if [ -f "$OUT/serve-1000" ] && [[ " ${SIZES[*]} " == *" 1000 "* ]]; then
    echo
    echo "\`stepdoc serve\` on the 4,000-page corpus ($SERVE_EDITS edits each; rebuild as reported by serve, served = write → new text over HTTP incl. the 60 ms debounce):"
    echo
    echo '```'
    cat "$OUT/serve-1000"
    echo '```'
  fi
  echo
  for r in "${results[@]}"; do
    read -r n pages sw sc sr ss hw hc hr hs <<<"$r"
    awk -v p="$pages" -v sw="$sw" -v hw="$hw" 'BEGIN {printf "ratio stepdoc/hugo wall at %d pages: %.2f\n", p, sw/hw}'
    awk -v p="$pages" -v sr="$sr" 'BEGIN {printf "peak rss stepdoc at %d pages: %d MiB\n", p, sr/1024}'
  done
} > bench/RESULTS.md
cat bench/RESULTS.md
